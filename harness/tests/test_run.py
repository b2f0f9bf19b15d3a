"""`run` over fake probes: every verdict, sandboxes, process groups, reports."""

import json
import os
import time
import unittest
import xml.etree.ElementTree as ET

from harness import reports
from harness.tests.fakes import PASS, FakeBuild, pid_alive, sh

TIMEOUT = 1.0

PROFILE = """
[profile]
name = "base"
description = "fixture"
match = { os = "linux" }
status = "verified"

[rename.pass]
why = "a probe-level note"
rename = "ok"
read = { is = "old", why = "the open handle keeps the old inode" }

[rename.fail]
rename = "ok"
read = "old"

[rename.list_ok]
errno = ["EEXIST", "ENOTEMPTY"]

[rename.list_bad]
errno = ["EEXIST", "ENOTEMPTY"]

[rename.new]
rename = "ok"

[rename.missing]
rename = "ok"
read = "old"

[rename.dotted]
cell.rw_r = "ok"
cell.rw_w = true
count = 3
"""

PROBES = {
    "rename.pass": PASS,
    "rename.fail": sh("echo rename=ok; echo read=new"),
    "rename.list_ok": sh("echo errno=ENOTEMPTY"),
    "rename.list_bad": sh("echo errno=EPERM"),
    "rename.new": sh("echo rename=ok; echo extra=1"),
    "rename.missing": sh("echo rename=ok"),
    "rename.dotted": sh("echo cell.rw_r=ok; echo cell.rw_w=true; echo count=3"),
    "open.skip": sh("echo skip=not_on_this_platform; exit 77"),
    "open.skip_exit0": sh("echo skip=oops"),
    "open.exit3": sh("echo rename=ok; echo 'setup failed' >&2; exit 3"),
    "path.noeq": sh("echo rename=ok; echo garbage"),
    "path.badname": sh("echo Rename=ok"),
    "path.space": sh("echo 'rename=o k'"),
    "path.dup": sh("echo a=1; echo b=2; echo a=1"),
    "lock.crash": sh("echo before=ok; kill -SEGV $$; echo after=ok"),
    "lock.hang": sh("""
        sleep 60 &
        echo "child=$!" >&2
        echo started=yes
        sleep 60
        """),
    "perm.readonly_dir": sh("""
        mkdir -p ro/inner && echo x > ro/inner/f && chmod 0500 ro/inner && chmod 0500 ro
        chmod 0 ro/inner/f
        echo made=ok
        """),
    "perm.no_exe": None,   # executable missing: a harness-side exception
}


class RunSuite(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        probes = {k: v for k, v in PROBES.items() if v is not None}
        cls.fb = FakeBuild(probes, {"base": PROFILE})
        # a NUL in the path: Popen raises, as any unexpected exception in the harness
        cls.fb.manifest["probes"].append({"id": "perm.no_exe", "area": "perm", "source": "",
                                          "exe": os.path.join(cls.fb.build, "no\0pe")})
        with open(os.path.join(cls.fb.build, "fsconform.json"), "w") as f:
            json.dump(cls.fb.manifest, f)
        cls.junit = os.path.join(cls.fb.root, "out", "junit.xml")
        cls.json = os.path.join(cls.fb.root, "out", "results.json")
        t0 = time.monotonic()
        cls.code, cls.out, cls.err = cls.fb.main(
            "run", "-j", "4", "--timeout", str(TIMEOUT), "--junit", cls.junit,
            "--results", cls.json)
        cls.wall = time.monotonic() - t0
        cls.rrun = reports.read_json(os.path.join(cls.fb.build, "results", "latest.json"))
        cls.by_id = {r.id: r for r in cls.rrun.results}

    @classmethod
    def tearDownClass(cls):
        cls.fb.cleanup()

    def verdict(self, pid):
        return self.by_id[pid].verdict

    def test_exit_status_and_summary(self):
        self.assertEqual(self.code, 1, self.err)
        last = self.out.strip().splitlines()[-1]
        self.assertRegex(last, r"^18 probes: 3 pass, 2 fail, 1 missing, 2 new, 7 error, "
                               r"1 crash, 1 timeout, 1 skip \(profile base, target .* on \S+\) "
                               r"in \d+\.\d\d s$")

    def test_pass_fail_lists(self):
        self.assertEqual(self.verdict("rename.pass"), "pass")
        self.assertEqual(self.verdict("rename.dotted"), "pass")
        self.assertEqual(self.verdict("rename.list_ok"), "pass")
        self.assertEqual(self.verdict("rename.list_bad"), "fail")
        r = self.by_id["rename.fail"]
        self.assertEqual(r.verdict, "fail")
        self.assertEqual(r.differences, [{"name": "read", "kind": "fail", "expected": "old",
                                          "got": "new"}])
        self.assertIn("read: expected old, got new", self.out)

    def test_new_and_missing(self):
        self.assertEqual(self.verdict("rename.new"), "new")
        self.assertEqual(self.by_id["rename.new"].differences[0]["name"], "extra")
        self.assertEqual(self.verdict("rename.missing"), "missing")
        self.assertEqual(self.by_id["rename.missing"].differences[0]["name"], "read")

    def test_skip(self):
        r = self.by_id["open.skip"]
        self.assertEqual((r.verdict, r.message), ("skip", "not_on_this_platform"))
        self.assertEqual(self.by_id["open.skip_exit0"].verdict, "error")

    def test_exit3_is_error_with_stderr(self):
        r = self.by_id["open.exit3"]
        self.assertEqual((r.verdict, r.message, r.exit_status), ("error", "exit status 3", 3))
        self.assertIn("setup failed", r.stderr)
        self.assertIn("setup failed", self.out)

    def test_garbage_output_names_the_line(self):
        expect = {"path.noeq": "line 2: not name=value",
                  "path.badname": "line 1: bad observation name",
                  "path.space": "line 1: value of rename is not a single token",
                  "path.dup": "line 3: a reported twice"}
        for pid, msg in expect.items():
            with self.subTest(pid=pid):
                r = self.by_id[pid]
                self.assertEqual(r.verdict, "error")
                self.assertIn(msg, r.message)

    def test_crash(self):
        r = self.by_id["lock.crash"]
        self.assertEqual((r.verdict, r.signal), ("crash", "SIGSEGV"))
        self.assertEqual(r.observations, {"before": "ok"})

    def test_timeout_kills_the_whole_group(self):
        r = self.by_id["lock.hang"]
        self.assertEqual(r.verdict, "timeout")
        self.assertLess(r.duration, TIMEOUT + 1.0)
        self.assertGreaterEqual(r.duration, TIMEOUT)
        child = int(r.stderr.split("child=")[1].split()[0])
        deadline = time.monotonic() + 2
        while pid_alive(child) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertFalse(pid_alive(child), f"helper {child} survived the timeout")
        self.assertEqual(r.observations, {"started": "yes"})

    def test_harness_exception_is_an_error_verdict(self):
        r = self.by_id["perm.no_exe"]
        self.assertEqual(r.verdict, "error")
        self.assertIn("harness error", r.message)
        self.assertIn("Traceback", r.details)

    def test_no_sandbox_left(self):
        self.assertEqual(self.fb.leftovers(), [])
        self.assertEqual(self.verdict("perm.readonly_dir"), "new")

    def test_suite_wall_time(self):
        # the hanging probe dominates; everything else runs beside it
        self.assertLess(self.wall, TIMEOUT + 2.0)

    def test_results_json_round_trip(self):
        with open(self.json) as f:
            data = json.load(f)
        self.assertEqual(data["profile"], "base")
        self.assertEqual(data["facts"]["os"], "linux")
        self.assertRegex(data["started"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
        again = reports.read_json(self.json)
        self.assertEqual(again.to_dict(), self.rrun.to_dict())
        r = again.results[[x.id for x in again.results].index("rename.list_ok")]
        self.assertEqual(r.expected, {"errno": ["EEXIST", "ENOTEMPTY"]})

    def test_junit(self):
        root = ET.parse(self.junit).getroot()
        suites = root.findall("testsuite")
        self.assertEqual(len(suites), 1)
        s = suites[0]
        self.assertEqual(s.get("tests"), "18")
        self.assertEqual(s.get("failures"), "5")     # 2 fail, 1 missing, 2 new
        self.assertEqual(s.get("errors"), "9")       # 7 error, crash, timeout
        self.assertEqual(s.get("skipped"), "1")
        cases = {c.get("name"): c for c in s.findall("testcase")}
        self.assertEqual(len(cases), 18)
        self.assertEqual(cases["rename.fail"].get("classname"), "rename")
        self.assertIn("read: expected old, got new", cases["rename.fail"].find("failure").text)
        self.assertIsNotNone(cases["open.skip"].find("skipped"))
        self.assertIsNone(cases["rename.pass"].find("failure"))


class Repeat(unittest.TestCase):
    def test_alternating_probe_is_flaky(self):
        # it counts its runs outside its sandbox: it runs unconfined
        fb = FakeBuild({
            "sync.alternating": sh("""
                n=0
                while ! mkdir "$FSC_TEST_COUNTER/$n" 2>/dev/null; do n=$((n+1)); done
                echo value=$((n % 2))
                echo same=ok
                """),
            "sync.stable": PASS}, needs={"sync.alternating": "mounts"})
        counter = os.path.join(fb.root, "counter")
        os.mkdir(counter)
        os.environ["FSC_TEST_COUNTER"] = counter
        try:
            code, out, err = fb.main("run", "--repeat", "4", "--profile", "none", "-j", "2")
            self.assertEqual(len(os.listdir(counter)), 4)   # the probe really ran 4 times
        finally:
            del os.environ["FSC_TEST_COUNTER"]
            fb.cleanup()
        self.assertEqual(code, 1, err)
        self.assertIn("FLAKY    sync.alternating", out)
        self.assertIn("value: differs between runs:", out)
        self.assertNotIn("same:", out)
        self.assertIn("1 new, 1 flaky", out)


if __name__ == "__main__":
    unittest.main()
