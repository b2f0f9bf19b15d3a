"""`record`: choosing the nearest profile, writing only the differences, and the whole
new-platform flow on the real build with an LD_PRELOAD shim that makes rename fail."""

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest

from harness import compare, diff, record
from harness.tests.fakes import REPO, FakeBuild
from harness.tests.test_report import _r, _run

BASE = """
[profile]
name = "base"
match = { os = "linux" }
status = "verified"

[rename.ok]
rename = "ok"
read = "old"
gone = "x"
"""

TMPFS = """
[profile]
name = "tmpfs"
inherits = ["base"]
match = { os = "linux", fs = "tmpfs" }
"""

OTHER = """
[profile]
name = "other"
[rename.ok]
rename = "EXDEV"
"""

LIBRARY = """
[profile]
name = "library"
inherits = ["base"]
match = { os = "linux", backend = "somelib" }
[rename.ok]
read = "new"
"""


class Nearest(unittest.TestCase):
    def setUp(self):
        self.fb = FakeBuild({"rename.ok": "#!/bin/sh\n", "rename.two": "#!/bin/sh\n"},
                            {"base": BASE, "tmpfs": TMPFS, "other": OTHER,
                             "library": LIBRARY})
        self.addCleanup(self.fb.cleanup)
        self.profiles = diff.load_profiles(self.fb.root)

    def test_rank(self):
        obs = {"rename.ok": {"rename": "ok", "read": "new", "gone": "x"}}
        ext4 = {"os": "linux", "fs": "ext4"}
        # base and tmpfs tie (1 difference); base's match fits an ext4 run
        self.assertEqual(record.rank(self.profiles, obs, ext4),
                         [(1, "base"), (1, "tmpfs"), (3, "other")])
        # on tmpfs, the more specific profile wins the tie
        self.assertEqual(record.rank(self.profiles, obs, dict(ext4, fs="tmpfs"))[0],
                         (1, "tmpfs"))

    def test_a_library_profile_is_nearest_only_to_its_backend(self):
        obs = {"rename.ok": {"rename": "ok", "read": "new", "gone": "x"}}
        ext4 = {"os": "linux", "fs": "ext4", "backend": "posix"}
        # library has no difference at all, but describes another backend's runs
        self.assertEqual(record.rank(self.profiles, obs, ext4)[0], (1, "base"))
        self.assertEqual(record.rank(self.profiles, obs, dict(ext4, backend="somelib"))[0],
                         (0, "library"))

    def test_render(self):
        run = _run({"fs": "xfs"}, "none", [
            _r("rename.ok", {"rename": "ok", "read": "new", "extra.cell": "1"}),
            _r("rename.mode", {"rw": "ok", "rw.size": "3"}),
            _r("rename.two", {"skip": "n/a"}, verdict="skip"),
            _r("rename.three", {}, verdict="crash")])
        obs, broken = record.observed(run)
        self.assertEqual(broken, [("rename.three", "crash")])
        text, entries, absent = record.render("xfs", run, "base", 3, (4, "tmpfs"), obs, broken,
                                              self.profiles, "latest.json")
        self.assertEqual((entries, absent), (4, 1))
        doc = tomllib.loads(text)
        self.assertEqual(doc["profile"], {
            "name": "xfs", "description": "linux xfs (recorded from a run)",
            "inherits": ["base"], "match": {"os": "linux", "fs": "xfs", "wine": "false"},
            "status": "verified",
            "source": "observed on linux xfs (os=linux fs=xfs wine=false backend=posix "
                      "root=false), run 2026-11-21T09:00:00+00:00"})
        why = "observed on linux xfs 2026-11-21; TODO explain"
        self.assertEqual(doc["rename"]["ok"], {"read": {"is": "new", "why": why},
                                               "extra": {"cell": {"is": "1", "why": why}}})
        # an observation that is also the prefix of another: its own key, quoted
        self.assertEqual(doc["rename"]["mode"], {"rw": {"is": "ok", "why": why},
                                                 "rw.size": {"is": "3", "why": why}})
        self.assertIn("#   gone = x", text)
        self.assertIn("#   rename.three: crash", text)
        # written and loaded back, the run differs only where a profile cannot say
        path = os.path.join(self.fb.root, "xfs.toml")
        with open(path, "w") as f:
            f.write(text)
        new = diff.profile_from_file(path, self.profiles)
        self.assertEqual(compare.differences(obs["rename.ok"], new.expectations("rename.ok")),
                         [{"name": "gone", "kind": "missing", "expected": "x", "got": None}])


def _build_dir():
    return os.path.join(REPO, "build")


@unittest.skipUnless(platform.system() == "Linux", "LD_PRELOAD shim: Linux only")
class ShimFlow(unittest.TestCase):
    """run --profile none under a shim that makes rename() fail with EXDEV, then
    record: the new profile holds exactly the observations the shim changed."""

    @classmethod
    def setUpClass(cls):
        cc = shutil.which("cc") or shutil.which("gcc")
        manifest = os.path.join(_build_dir(), "fsconform.json")
        if not cc:
            raise unittest.SkipTest("no C compiler")
        if not os.path.isfile(manifest):
            raise unittest.SkipTest(f"no build ({manifest})")
        with open(manifest) as f:
            data = json.load(f)
        if data.get("emulator") or not any(p["area"] == "rename" for p in data["probes"]):
            raise unittest.SkipTest("the build has no native rename probes")
        cls.dir = tempfile.mkdtemp(prefix="fsc-record-")
        # A build directory of our own (the real probes) so that run's latest.json and
        # default target stay out of the real build tree.
        cls.build = os.path.join(cls.dir, "build")
        os.makedirs(cls.build)
        data["build_dir"] = cls.build   # the probes stay where they are
        with open(os.path.join(cls.build, "fsconform.json"), "w") as f:
            json.dump(data, f)
        cls.shim = os.path.join(cls.dir, "shim_rename.so")
        subprocess.run([cc, "-shared", "-fPIC", "-o", cls.shim,
                        os.path.join(REPO, "harness", "tests", "shim_rename.c"), "-ldl"],
                       check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def harness(self, *args, env=None):
        e = dict(os.environ, PYTHONPATH=REPO)
        e.update(env or {})
        return subprocess.run([sys.executable, "-m", "harness", "--build", self.build, *args],
                              cwd=REPO, env=e, capture_output=True, text=True, timeout=300)

    def run_rename(self, name, env=None):
        path = os.path.join(self.dir, name)
        p = self.harness("run", "rename", "--profile", "none", "--results", path, env=env)
        self.assertIn(p.returncode, (0, 1), p.stdout + p.stderr)
        with open(path) as f:
            return {r["id"]: r for r in json.load(f)["results"]}

    def test_record_holds_exactly_the_shim_differences(self):
        clean = self.run_rename("clean.json")
        shimmed = self.run_rename("shim.json", env={"LD_PRELOAD": self.shim})
        done = ("pass", "fail", "new", "missing")
        changed = set()
        for pid, r in shimmed.items():
            if r["verdict"] in done and clean[pid]["verdict"] in done:
                a, b = clean[pid]["observations"], r["observations"]
                changed |= {(pid, k) for k in set(a) | set(b) if a.get(k) != b.get(k)}
        self.assertIn(("rename.over_open_other", "rename"), changed)
        self.assertEqual(shimmed["rename.over_open_other"]["observations"]["rename"], "EXDEV")

        out = os.path.join(self.dir, "shimmed.toml")
        p = self.harness("record", os.path.join(self.dir, "shim.json"), "--name", "shimmed",
                         "--out", out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        with open(out, "rb") as f:
            doc = tomllib.load(f)
        recorded = {}
        for area, probes in doc.items():
            if area == "profile":
                continue
            for name, table in probes.items():
                for key, entry in _flat(table):
                    recorded[(f"{area}.{name}", key)] = entry
        self.assertEqual(set(recorded), changed)
        for (pid, key), entry in recorded.items():
            self.assertEqual(entry["is"], shimmed[pid]["observations"][key])
            self.assertRegex(entry["why"], r"^observed on linux \S+ \d{4}-\d\d-\d\d; TODO")
        # The parent is the profile of the unshimmed platform: the clean run passes it.
        profiles = diff.load_profiles()
        parent = profiles[doc["profile"]["inherits"][0]]
        clean_obs = {pid: r["observations"] for pid, r in clean.items() if r["verdict"] in done}
        if any(record.count_differences(clean_obs, p) == 0 for p in profiles.values()):
            self.assertEqual(record.count_differences(clean_obs, parent), 0, parent.name)
        self.assertEqual(doc["profile"]["status"], "verified")
        self.assertEqual(doc["profile"]["match"]["os"], "linux")
        # and diff agrees: the shimmed run against the recorded profile differs nowhere
        p = self.harness("diff", os.path.join(self.dir, "shim.json"), out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)


def _flat(table, prefix=""):
    for k, v in table.items():
        if isinstance(v, dict) and "is" not in v:
            yield from _flat(v, f"{prefix}{k}.")
        elif isinstance(v, dict):
            yield prefix + k, v


if __name__ == "__main__":
    unittest.main()
