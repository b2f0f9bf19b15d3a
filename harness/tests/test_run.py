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
        cls.fb.manifest["probes"].append({"id": "perm.no_exe", "area": "perm", "source": "",
                                          "exe": os.path.join(cls.fb.build, "nope")})
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


def _emits(out, err=b""):
    """A fake probe that writes these bytes to stdout and stderr."""
    return ("#!/usr/bin/env python3\nimport sys\n"
            f"sys.stdout.buffer.write({out!r})\nsys.stderr.buffer.write({err!r})\n")


HOSTILE_ERR = b"err \x1b[31m red \x00 nul \x01 soh \xff bad \xc2\x85 nel \x0b vt\r\nend\n"
# probe id: (stdout, what the error message says)
HOSTILE = {
    "path.esc": (b"a=ok\nb=x\x1b[2Jy\n", r"line 2: value of b has a control character U\+001B: "
                                        r"'b=x\\x1b\[2Jy'"),
    "path.nul": (b"a=x\x00y\n", r"line 1: value of a has a control character U\+0000"),
    "path.soh": (b"a=x\x01\n", r"line 1: value of a has a control character U\+0001"),
    "path.utf8": (b"a=x\xffy\n", r"line 1: value of a has an invalid UTF-8 byte 0xff: 'a=x\\xffy'"),
    "path.nel": (b"a=x\xc2\x85y\n", r"line 1: value of a has a control character U\+0085"),
    "path.vt": (b"a=x\x0by\n", r"line 1: value of a has a control character U\+000B"),
    "path.ls": (b"a=x\xe2\x80\xa8y\n", r"line 1: value of a has an unprintable character U\+2028"),
    "path.name": (b"\x1b[31ma=ok\n", r"line 1: bad observation name '\\x1b\[31ma'"),
}


class HostileOutput(unittest.TestCase):
    """Control characters, NUL, invalid UTF-8, NEL and VT in values, names and stderr:
    a clear error verdict, and every report stays well-formed and terminal-safe."""

    @classmethod
    def setUpClass(cls):
        probes = {pid: _emits(out, HOSTILE_ERR) for pid, (out, _) in HOSTILE.items()}
        probes["path.crlf"] = _emits(b"a=ok\r\nb=old\r\n", HOSTILE_ERR)
        cls.fb = FakeBuild(probes)
        cls.junit = os.path.join(cls.fb.root, "junit.xml")
        cls.json = os.path.join(cls.fb.root, "results.json")
        cls.p = cls.fb.cli("run", "--profile", "none", "--junit", cls.junit,
                           "--results", cls.json)
        cls.by_id = {r.id: r for r in reports.read_json(cls.json).results}

    @classmethod
    def tearDownClass(cls):
        cls.fb.cleanup()

    def assertPrintable(self, text, where):
        bad = [c for c in text if not (c.isprintable() or c == "\n")]
        self.assertEqual(bad, [], f"{where} holds unprintable characters")

    def test_verdicts_name_the_character(self):
        self.assertEqual(self.p.returncode, 1, self.p.stderr)
        for pid, (_, message) in HOSTILE.items():
            with self.subTest(pid=pid):
                r = self.by_id[pid]
                self.assertEqual(r.verdict, "error")
                self.assertRegex(r.message, "^bad output: " + message)

    def test_crlf_line_ends(self):
        r = self.by_id["path.crlf"]
        self.assertEqual((r.verdict, r.observations), ("new", {"a": "ok", "b": "old"}))

    def test_terminal_output_is_printable(self):
        self.assertPrintable(self.p.stdout + self.p.stderr, "the console output")
        self.assertIn(r"err \x1b[31m red \x00 nul \x01 soh \xff bad \x85 nel \x0b vt",
                      self.p.stdout)

    def test_junit_is_well_formed(self):
        root = ET.parse(self.junit).getroot()   # expat rejects what XML 1.0 cannot hold
        cases = {c.get("name"): c for c in root.iter("testcase")}
        self.assertEqual(len(cases), len(HOSTILE) + 1)
        self.assertIn(r"\x00 nul", cases["path.nul"].find("system-err").text)
        self.assertIn("control character U+001B", cases["path.esc"].find("error").get("message"))

    def test_results_json_and_matrix(self):
        with open(self.json, encoding="utf-8") as f:
            text = f.read()
        self.assertPrintable(text, "results JSON")
        for r in self.by_id.values():
            self.assertPrintable(r.stderr + r.message, r.id)
        md, html = (os.path.join(self.fb.root, n) for n in ("m.md", "m.html"))
        p = self.fb.cli("report", self.json, "--md", md, "--html", html)
        self.assertEqual(p.returncode, 0, p.stderr)
        for path in (md, html):
            with open(path, encoding="utf-8") as f:   # the Markdown indents with U+2003
                self.assertPrintable(f.read().replace("\u2003", ""), path)


class Repeat(unittest.TestCase):
    def test_alternating_probe_is_flaky(self):
        fb = FakeBuild({
            "sync.alternating": sh("""
                n=0
                while ! mkdir "$FSC_TEST_COUNTER/$n" 2>/dev/null; do n=$((n+1)); done
                echo value=$((n % 2))
                echo same=ok
                """),
            "sync.stable": PASS})
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
