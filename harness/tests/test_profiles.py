"""Profiles: inheritance, automatic choice, and one-line errors for bad files."""

import os
import unittest

from harness import HarnessError, discovery, profiles
from harness.tests.fakes import PASS, REPO, FakeBuild

POSIX = """
[profile]
name = "posix"
status = "verified"

[rename.a]
errno = ["EEXIST", "ENOTEMPTY"]
read = "old"
cell.rw_r = "ok"
"""

LINUX = """
[profile]
name = "linux"
inherits = ["posix"]
match = { os = "linux" }
status = "verified"

[rename.a]
errno = { is = "ENOTEMPTY", why = "ext4 says so", ref = "rename(2)" }
"""

TMPFS = """
[profile]
name = "linux-tmpfs"
inherits = ["linux"]
match = { os = "linux", fs = "tmpfs" }
status = "provisional"

[rename.a]
cell.rw_r = "EACCES"
"""


class Inheritance(unittest.TestCase):
    def setUp(self):
        self.fb = FakeBuild({"rename.a": PASS},
                            {"posix": POSIX, "linux": LINUX, "linux-tmpfs": TMPFS})
        self.addCleanup(self.fb.cleanup)
        self.all = profiles.load_all(self.fb.expected, {"rename.a"})

    def test_override_per_observation(self):
        e = self.all["linux-tmpfs"].expectations("rename.a")
        self.assertEqual({k: (v.value, v.origin) for k, v in e.items()}, {
            "errno": ("ENOTEMPTY", "linux"),
            "read": ("old", "posix"),
            "cell.rw_r": ("EACCES", "linux-tmpfs")})
        self.assertEqual(e["errno"].why, "ext4 says so")
        self.assertEqual(self.all["posix"].expectations("rename.a")["errno"].value,
                         ("EEXIST", "ENOTEMPTY"))

    def test_later_parent_overrides_earlier(self):
        self.fb.profile("p2", '[profile]\nname = "p2"\n[rename.a]\nread = "new"\n')
        self.fb.profile("child", '[profile]\nname = "child"\ninherits = ["posix", "p2"]\n')
        self.fb.profile("child2", '[profile]\nname = "child2"\ninherits = ["p2", "posix"]\n')
        got = profiles.load_all(self.fb.expected, {"rename.a"})
        self.assertEqual(got["child"].expectations("rename.a")["read"].value, "new")
        self.assertEqual(got["child2"].expectations("rename.a")["read"].value, "old")

    def test_automatic_choice_most_specific(self):
        self.assertEqual(profiles.choose(self.all, {"os": "linux", "fs": "tmpfs"}).name,
                         "linux-tmpfs")
        self.assertEqual(profiles.choose(self.all, {"os": "linux", "fs": "ext4"}).name, "linux")
        self.assertEqual(profiles.choose(self.all, {"os": "linux"}, "posix").name, "posix")

    def test_no_match_and_tie(self):
        with self.assertRaisesRegex(HarnessError, r"no profile matches this platform "
                                                  r"\(os=freebsd fs=ufs\).*--profile"):
            profiles.choose(self.all, {"os": "freebsd", "fs": "ufs"})
        self.fb.profile("linux-other", '[profile]\nname = "linux-other"\n'
                                       'match = { os = "linux", root = "true" }\n')
        got = profiles.load_all(self.fb.expected, {"rename.a"})
        with self.assertRaisesRegex(HarnessError, "'linux-other' and 'linux-tmpfs' both match"):
            profiles.choose(got, {"os": "linux", "fs": "tmpfs", "root": "true"})
        with self.assertRaisesRegex(HarnessError, "unknown profile 'nope'"):
            profiles.choose(got, {}, "nope")


# (file text, expected "file:line: message" start). Each file is expected/bad.toml.
BAD = [
    ('[profile]\nname = "bad"\n[rename.a\nx = "1"\n', r"expected/bad\.toml:3: "),
    ('[profile]\nname = "other"\n', r"expected/bad\.toml:2: profile name 'other' must equal"),
    ('[profile]\nname = "bad"\nstatus = "maybe"\n', r"expected/bad\.toml:3: status 'maybe'"),
    ('[profile]\nname = "bad"\ndescription = "x"\ninherits = ["foo"]\n',
     r'expected/bad\.toml:4: inherits unknown profile "foo"'),
    ('[profile]\nname = "bad"\n\n[rename.a]\nread = "old"\n\n[rename.typo]\nread = "x"\n',
     r"expected/bad\.toml:7: \[rename\.typo\]: no probe with this id"),
    ('[profile]\nname = "bad"\n\n[rename.a]\nread = "old"\nwhen = 1.5\n',
     r"expected/bad\.toml:6: \[rename\.a\] when: expected a one-token string"),
    ('[profile]\nname = "bad"\n\n[rename.a]\nread = []\n',
     r"expected/bad\.toml:5: \[rename\.a\] read: expected a one-token string"),
    ('[profile]\nname = "bad"\n\n[rename.a]\nread = "two words"\n',
     r"expected/bad\.toml:5: \[rename\.a\] read: expected a one-token string"),
    ('[profile]\nname = "bad"\n\n[rename.a]\nread = { is = "x", because = "y" }\n',
     r"expected/bad\.toml:5: \[rename\.a\] read: unknown key 'because'"),
    ('[profile]\nname = "bad"\ninherits = ["bad2"]\n', r"expected/bad(2)?\.toml:3: inheritance cycle"),
    ('name = "bad"\n', r"expected/bad\.toml: missing \[profile\] table"),
    ('[profile]\nname = "bad"\n\n[rename.a]\nrename = {}\n',
     r"expected/bad\.toml:5: \[rename\.a\] rename: empty table"),
    ('[profile]\nname = "bad"\n\n[rename.a]\nread = "old"\nwhy = 5\n',
     r"expected/bad\.toml:6: \[rename\.a\] why must be a string"),
    ('[profile]\nname = "bad"\n\n[rename.a]\nref = ["a"]\n',
     r"expected/bad\.toml:5: \[rename\.a\] ref must be a string"),
    ('[profile]\nname = "bad"\n\n[rename.a]\n' + ".".join(["a"] * 1200) + ' = "ok"\n',
     r"expected/bad\.toml:5: \[rename\.a\] a\.a\.a.*: an observation name has at most 16"),
]


class CiJobs(unittest.TestCase):
    """The facts each job of .github/workflows/fsconform.yml has pick that platform's
    profile from expected/ (the jobs run without --profile)."""

    def test_each_job_gets_its_platforms_profile(self):
        got = profiles.load_all(os.path.join(REPO, "expected"), discovery.source_ids(REPO))
        common = {"wine": "false", "root": "false"}
        jobs = [  # job: facts there, profile wanted (a filesystem variant may refine it)
            ("linux-gcc", {"os": "linux", "fs": "ext4", "backend": "posix"}, "linux-ext4-user"),
            ("macos-clang", {"os": "macos", "fs": "apfs", "backend": "posix"}, "macos"),
            ("freebsd-clang", {"os": "freebsd", "fs": "ufs", "backend": "posix",
                               "root": "true"}, "freebsd"),
            ("freebsd-clang on ZFS", {"os": "freebsd", "fs": "zfs", "backend": "posix",
                                      "root": "true"}, "freebsd"),
            ("windows-msvc", {"os": "windows", "fs": "ntfs", "backend": "win32",
                              "root": "true"}, "windows"),
            ("windows-mingw", {"os": "windows", "fs": "ntfs", "backend": "win32",
                               "root": "true"}, "windows")]
        for job, facts, wanted in jobs:
            with self.subTest(job=job):
                name = profiles.choose(got, dict(common, **facts)).name
                self.assertIn(name, (wanted, f"{wanted}-{facts['fs']}"))


class BadProfiles(unittest.TestCase):
    """Through the real CLI: one line on stderr, file:line, exit 2, no traceback."""

    @classmethod
    def setUpClass(cls):
        cls.fb = FakeBuild({"rename.a": PASS})

    @classmethod
    def tearDownClass(cls):
        cls.fb.cleanup()

    def tearDown(self):
        for n in os.listdir(self.fb.expected):
            os.unlink(os.path.join(self.fb.expected, n))

    def test_bad_profiles(self):
        for text, pattern in BAD:
            with self.subTest(pattern=pattern):
                self.tearDown()
                self.fb.profile("bad", text)
                if "bad2" in text:
                    self.fb.profile("bad2", '[profile]\nname = "bad2"\ninherits = ["bad"]\n')
                p = self.fb.cli("run")
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertNotIn("Traceback", p.stderr)
                self.assertEqual(len(p.stderr.splitlines()), 1, p.stderr)
                self.assertRegex(p.stderr, r"^fsconform: " + pattern)

    def test_bad_profile_in_process(self):
        # the same checks without a subprocess, to see the messages quickly
        self.fb.profile("bad", BAD[0][0])
        with self.assertRaisesRegex(HarnessError, r"bad\.toml:3: .*\(column \d+\)"):
            profiles.load_all(self.fb.expected, {"rename.a"})


if __name__ == "__main__":
    unittest.main()
