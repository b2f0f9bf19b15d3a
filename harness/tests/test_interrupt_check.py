"""runners/fsmatrix-interrupt-check.py: each --after runs its filesystem alone."""

import os
import subprocess
import sys
import unittest

from harness.tests.fakes import REPO, script_module

SCRIPT = os.path.join(REPO, "runners", "fsmatrix-interrupt-check.py")


def module():
    return script_module(SCRIPT)


class MatrixCommand(unittest.TestCase):
    def setUp(self):
        self.command = module().matrix_command
        self.base = [sys.executable, "-m", "harness", "--build", "b", "fsmatrix"]

    def test_after_runs_that_filesystem_alone(self):
        self.assertEqual(self.command("b", "ext4,tmpfs,sshfs", "sshfs"),
                         self.base + ["--fs", "sshfs"])
        self.assertEqual(self.command("b", None, "ntfs-3g"), self.base + ["--fs", "ntfs-3g"])

    def test_without_after_the_list_or_everything(self):
        self.assertEqual(self.command("b", "ext4,tmpfs", None),
                         self.base + ["--fs", "ext4,tmpfs"])
        self.assertEqual(self.command("b", None, None), self.base)

    def test_after_outside_fs_is_refused_before_anything_runs(self):
        r = subprocess.run([sys.executable, SCRIPT, "--build", "/nonexistent",
                            "--fs", "ext4,tmpfs", "--after", "tmpfs", "--after", "xfs"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--after xfs: not in --fs ext4,tmpfs", r.stderr)
        self.assertNotIn("interrupt after", r.stdout)


if __name__ == "__main__":
    unittest.main()
