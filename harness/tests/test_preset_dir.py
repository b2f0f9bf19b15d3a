"""runners/preset-dir: the build directory the Wine/user legs and backend legs use."""

import json
import os
import subprocess
import sys
import unittest

from harness.tests.fakes import REPO, script_module

SCRIPT = os.path.join(REPO, "runners", "preset-dir")


def module():
    return script_module(SCRIPT)


PRESETS = {
    "configurePresets": [
        {"name": "base", "binaryDir": "${sourceDir}/build"},
        {"name": "child", "inherits": "base"},
        {"name": "mixin"},
        {"name": "grandchild", "inherits": ["mixin", "child"]},
        {"name": "own", "inherits": "base", "binaryDir": "${sourceDir}/build-own"},
        {"name": "nodir"},
    ],
    "workflowPresets": [
        {"name": "probes", "steps": [{"type": "configure", "name": "base"}]},
        {"name": "own-flow", "steps": [{"type": "configure", "name": "own"}]},
    ],
}


class PresetDir(unittest.TestCase):
    def test_configure_workflow_and_inherited(self):
        binary_dir = module().binary_dir
        self.assertEqual(binary_dir(PRESETS, "base"), "build")
        self.assertEqual(binary_dir(PRESETS, "own"), "build-own")
        self.assertEqual(binary_dir(PRESETS, "child"), "build")
        self.assertEqual(binary_dir(PRESETS, "grandchild"), "build")
        self.assertEqual(binary_dir(PRESETS, "probes"), "build")
        self.assertEqual(binary_dir(PRESETS, "own-flow"), "build-own")

    def test_unknown_or_without_binary_dir(self):
        binary_dir = module().binary_dir
        self.assertEqual(binary_dir(PRESETS, "nodir"), "")
        self.assertEqual(binary_dir(PRESETS, "nothere"), "")
        done = subprocess.run([sys.executable, SCRIPT, "nothere"], capture_output=True,
                              text=True, check=False)
        self.assertEqual((done.returncode, done.stdout), (2, ""))
        self.assertIn("no preset nothere", done.stderr)

    def test_every_preset_of_the_project_has_a_build_directory(self):
        """Each leg's preset (runners/backends, wine-as-user, the workflow) resolves,
        and no two configure presets share a build directory."""
        with open(os.path.join(REPO, "CMakePresets.json"), encoding="utf-8") as f:
            presets = json.load(f)
        binary_dir = module().binary_dir
        dirs = {}
        for p in presets["configurePresets"]:
            found = binary_dir(presets, p["name"])
            self.assertTrue(found.startswith("build"), p["name"])
            self.assertNotIn(found, dirs, f"{p['name']} and {dirs.get(found)}")
            dirs[found] = p["name"]
        for w in presets["workflowPresets"]:
            self.assertTrue(binary_dir(presets, w["name"]), w["name"])
        done = subprocess.run([sys.executable, SCRIPT, "mingw-wine"], capture_output=True,
                              text=True, check=True)
        self.assertEqual(done.stdout, "build-win\n")


if __name__ == "__main__":
    unittest.main()
