"""The command line: configuration errors, check/show/list, bench."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from harness.tests.fakes import PASS, REPO, FakeBuild, sh

PROFILE = """
[profile]
name = "base"
match = { os = "linux" }
status = "verified"

[rename.ok]
why = "renaming works"
rename = "ok"
read = "old"

[rename.bad]
read = "old"
"""

CHILD = """
[profile]
name = "child"
inherits = ["base"]

[rename.ok]
read = { is = "new", why = "child differs" }
"""


class Cli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fb = FakeBuild({"rename.ok": PASS,
                            "rename.bad": sh("echo read=new; echo oops >&2"),
                            "open.skip": sh("echo skip=windows_only; exit 77")},
                           {"base": PROFILE, "child": CHILD})

    @classmethod
    def tearDownClass(cls):
        cls.fb.cleanup()

    def one_line_error(self, p, pattern):
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertNotIn("Traceback", p.stderr)
        self.assertEqual(len(p.stderr.splitlines()), 1, p.stderr)
        self.assertRegex(p.stderr, "^fsconform: " + pattern)

    def test_bad_targets(self):
        afile = os.path.join(self.fb.root, "a-file")
        open(afile, "w").close()
        cases = [(os.path.join(self.fb.root, "missing"), "target directory .*missing does not exist"),
                 (afile, "target .*a-file is not a directory"),
                 ("/proc/self", "target directory /proc/self is not writable")]
        for path, pattern in cases:
            with self.subTest(path=path):
                self.one_line_error(self.fb.cli("run", "--target", path, target=False), pattern)
        # the environment variable is the same as --target
        p = self.fb.cli("check", "rename.ok", target=False,
                        env={"FSCONFORM_TARGET": "/proc/self"})
        self.one_line_error(p, "target directory /proc/self is not writable")

    def test_targets_that_cannot_be_named(self):
        bad_utf8 = os.path.join(self.fb.root, "bad\udcff")   # the byte 0xff
        os.mkdir(bad_utf8)
        self.one_line_error(self.fb.cli("run", "--target", bad_utf8, target=False),
                            r"target .*/bad\\xff is not valid UTF-8")
        too_long = os.path.join(self.fb.target, *["d" * 200] * 25)   # > PATH_MAX (4096)
        self.one_line_error(self.fb.cli("run", "--target", too_long, target=False),
                            r"target .*dddd\.\.\. \(\d+ bytes\) is too long a path for "
                            r"this system \(File name too long\)")

    def test_nearly_full_target(self):
        p = self.fb.cli("run", env={"FSCONFORM_MIN_FREE_MIB": str(1 << 40)})
        self.one_line_error(p, r"target directory .* is nearly full: \d+ KiB free, the "
                               r"suite wants \d+ MiB \(set FSCONFORM_MIN_FREE_MIB")
        self.one_line_error(self.fb.cli("run", env={"FSCONFORM_MIN_FREE_MIB": "lots"}),
                            r"FSCONFORM_MIN_FREE_MIB=lots: not a number of MiB")

    def test_timeouts_that_cannot_be_waited_for(self):
        for t in ("inf", "nan", "1e400", "1e300", "86401", "0", "-1", "x"):
            with self.subTest(timeout=t):
                self.one_line_error(self.fb.cli("check", "rename.ok", "--timeout", t),
                                    r"argument --timeout: (must be|not a number)")
        p = self.fb.cli("run", "rename.ok", "--timeout", "86400")
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_record_name_with_suffix(self):
        p = self.fb.cli("record", "--name", "foo.toml", "--out", os.path.join(self.fb.root, "x"))
        self.one_line_error(p, r"bad profile name 'foo\.toml': give it without \.toml "
                               r"\(--name foo\)")

    def test_ctrl_c_while_importing(self):
        """Ctrl-C in the first instants, before main() runs (here: while harness.cli is
        imported): one line, no traceback."""
        code = ("import os, runpy, signal, sys\n"
                "class Interrupt:\n"
                "    def find_spec(self, name, path=None, target=None):\n"
                "        if name == 'harness.cli':\n"
                "            os.kill(os.getpid(), signal.SIGINT)\n"
                "sys.meta_path.insert(0, Interrupt())\n"
                "sys.argv = ['harness', 'list']\n"
                "runpy.run_module('harness', run_name='__main__', alter_sys=True)\n")
        p = subprocess.run([sys.executable, "-c", code], cwd=self.fb.root, capture_output=True,
                           text=True, timeout=60, env=dict(os.environ, PYTHONPATH=REPO))
        self.assertEqual((p.returncode, p.stderr), (130, "\nfsconform: interrupted\n"))

    def test_copied_tree(self):
        copy = self.fb.root + "-copy"
        shutil.copytree(self.fb.root, copy, symlinks=True)
        self.addCleanup(shutil.rmtree, copy)
        p = subprocess.run([sys.executable, "-m", "harness", "run"], cwd=copy, timeout=60,
                           capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=REPO))
        self.one_line_error(p, rf".*/build/fsconform\.json belongs to the build directory "
                               rf"{re.escape(self.fb.build)}, not this one \(a copied or moved "
                               rf"tree runs the original's probes\): delete {re.escape(copy)}"
                               rf"/build and build again")
        self.assertEqual(os.listdir(os.path.join(self.fb.target)), [])

    def test_no_manifest(self):
        p = self.fb.cli("list", "--build", os.path.join(self.fb.root, "nobuild"))
        self.one_line_error(p, r"no .*nobuild/fsconform\.json: build first")

    def test_default_target_is_created(self):
        code, out, err = self.fb.main("check", "rename.ok", target=False)
        self.assertEqual(code, 0, out + err)
        self.assertTrue(os.path.isdir(os.path.join(self.fb.build, "target")))
        self.assertEqual(os.listdir(os.path.join(self.fb.build, "target")), [])

    def test_check_exit_statuses(self):
        code, out, _ = self.fb.main("check", "rename.ok")
        self.assertEqual(code, 0)
        self.assertIn("rename.ok: pass", out)
        code, out, _ = self.fb.main("check", "rename.bad")
        self.assertEqual(code, 1)
        self.assertIn("read: expected old, got new", out)
        self.assertIn("oops", out)          # the probe's stderr
        self.assertEqual(self.fb.main("check", "open.skip")[0], 77)
        code, _, err = self.fb.main("check", "rename.nope")
        self.assertEqual(code, 2)
        self.assertIn("unknown probe 'rename.nope'", err)
        # --profile overrides the automatic choice
        code, out, _ = self.fb.main("check", "rename.ok", "--profile", "child")
        self.assertEqual(code, 1)
        self.assertIn("read: expected new, got old", out)

    def test_subprocess_check_and_options_anywhere(self):
        p = self.fb.cli("check", "rename.ok", "--timeout", "5")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        p = self.fb.cli("check", "open.skip")
        self.assertEqual(p.returncode, 77, p.stdout + p.stderr)

    def test_list(self):
        code, out, _ = self.fb.main("list")
        self.assertEqual([l.split() for l in out.splitlines()],
                         [["open.skip", "open"], ["rename.bad", "rename"], ["rename.ok", "rename"]])
        code, out, _ = self.fb.main("list", "rename", "*.skip")
        self.assertEqual(len(out.splitlines()), 3)
        code, out, _ = self.fb.main("list", "rename.o*")
        self.assertEqual(out.split(), ["rename.ok", "rename"])
        code, _, err = self.fb.main("list", "nothing*")
        self.assertEqual(code, 2)
        self.assertIn("no probe matches 'nothing*'", err)

    def test_closed_output_pipe_is_quiet(self):
        # `python3 -m harness list | head -0`: the reader is gone before anything is written
        r, w = os.pipe()
        os.close(r)
        try:
            p = subprocess.run([sys.executable, "-m", "harness", "list", *self.fb.base_args()],
                               cwd=self.fb.root, env=dict(os.environ, PYTHONPATH=REPO),
                               stdout=w, stderr=subprocess.PIPE, text=True, timeout=60)
        finally:
            os.close(w)
        self.assertEqual((p.returncode, p.stderr), (1, ""))

    def test_show(self):
        self.fb.main("run", "rename.ok")
        code, out, _ = self.fb.main("show", "rename.ok")
        self.assertEqual(code, 0)
        self.assertTrue(out.startswith("rename.ok \u2014 a fake probe"), out)
        self.assertIn("base (verified):", out)
        self.assertIn("why: renaming works", out)
        self.assertRegex(out, r"read += new  # child differs")
        self.assertRegex(out, r"rename += ok  \[from base\]")
        self.assertIn("last result: pass", out)

    def test_run_exit_zero_with_pass_and_skip(self):
        code, out, err = self.fb.main("run", "rename.ok", "open", "--profile", "base")
        self.assertEqual(code, 0, out + err)
        self.assertRegex(out.splitlines()[-1], r"^2 probes: 1 pass, 1 skip \(profile base")

    def test_provisional_ok(self):
        """--provisional-ok forgives differences from a provisional profile only, and
        never a probe that broke."""
        fb = FakeBuild({"rename.ok": PASS, "rename.bad": sh("echo read=new"),
                        "open.broken": sh("echo half=ok; exit 3")},
                       {"base": PROFILE, "prov": PROFILE.replace('"base"', '"prov"')
                                                        .replace("verified", "provisional")})
        self.addCleanup(fb.cleanup)
        for profile, patterns, code in (("prov", ["rename"], 0), ("base", ["rename"], 1),
                                        ("prov", ["rename", "open"], 1), ("prov", ["open"], 1)):
            with self.subTest(profile=profile, patterns=patterns):
                got, out, err = fb.main("run", *patterns, "--profile", profile,
                                        "--provisional-ok")
                self.assertEqual(got, code, out + err)
                forgiven = "do not fail this run (--provisional-ok)" in out
                self.assertEqual(forgiven, code == 0, out)
        # without the option a provisional profile's differences fail, as ever
        got, out, err = fb.main("run", "rename", "--profile", "prov")
        self.assertEqual(got, 1, out + err)

    def test_bench(self):
        fb = FakeBuild({f"size.p{i}": sh('[ "$1" = --fsc-noop ] && exit 0\necho size=1')
                        for i in range(4)}, {"base": PROFILE})
        self.addCleanup(fb.cleanup)
        code, out, err = fb.main("bench", "--runs", "2", "-j", "2")
        self.assertEqual(code, 0, err)
        self.assertRegex(out, r"^suite \d+\.\d\d\d? s, bare start \d+\.\d\d\d? s, ratio \d+\.\d "
                              r"\(4 probes, -j 2, median of 2\)$")
        self.assertEqual(err, "")
        self.assertEqual(fb.leftovers(), [])


class SetupScript(unittest.TestCase):
    """./fsconform installs what is missing; without root and sudo it says what to do."""

    def test_missing_tools_without_sudo(self):
        bin_dir = tempfile.mkdtemp(prefix="fsc-bin-")
        self.addCleanup(shutil.rmtree, bin_dir)
        for name, text in (("id", "#!/bin/sh\necho 1000\n"),
                           ("apt-get", "#!/bin/sh\necho apt-get must not run >&2; exit 9\n")):
            with open(os.path.join(bin_dir, name), "w") as f:
                f.write(text)
            os.chmod(os.path.join(bin_dir, name), 0o755)
        os.symlink(sys.executable, os.path.join(bin_dir, "python3"))
        os.symlink(shutil.which("dirname"), os.path.join(bin_dir, "dirname"))
        p = subprocess.run(["/bin/sh", os.path.join(REPO, "fsconform"), "suite"],
                           env={"PATH": bin_dir}, capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertRegex(p.stderr, r"^fsconform: missing: cmake gcc( libcmocka-dev)? — install "
                                   r"them as root \(apt-get install cmake gcc( libcmocka-dev)?\), "
                                   r"or install sudo\n\Z")


WRITER = sh("if head -c 65536 /dev/zero >f 2>/dev/null; then echo write=ok; "
             "else echo write=ENOSPC; fi")


@unittest.skipUnless(hasattr(os, "geteuid") and os.geteuid() == 0 and sys.platform == "linux",
                     "mounting a small tmpfs needs root on Linux")
class FullTarget(unittest.TestCase):
    """A real full filesystem: refused before the run; with the check off, what the
    full target caused is an error verdict, not a platform difference."""

    def setUp(self):
        self.fb = FakeBuild({"size.write": WRITER},
                            {"base": '[profile]\nname = "base"\nmatch = { os = "linux" }\n'
                                     '[size.write]\nwrite = "ok"\n'})
        self.addCleanup(self.fb.cleanup)

    def tmpfs(self, options):
        d = os.path.join(self.fb.root, "mnt")
        os.mkdir(d)
        p = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "fsc-test", d],
                           capture_output=True, text=True, timeout=30)
        if p.returncode:
            self.skipTest(f"cannot mount a tmpfs: {p.stderr.strip()}")
        self.addCleanup(subprocess.run, ["umount", d], timeout=30)
        return d

    def test_full_target(self):
        d = self.tmpfs("size=1m")
        with open(os.path.join(d, "fill"), "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        p = self.fb.cli("run", "--target", d, target=False)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertRegex(p.stderr, r"^fsconform: target directory .*/mnt is nearly full: "
                                   r"\d+ KiB free, the suite wants 8 MiB \(set "
                                   r"FSCONFORM_MIN_FREE_MIB to lower the limit of 8 MiB\)\n\Z")
        p = self.fb.cli("run", "--target", d, target=False, env={"FSCONFORM_MIN_FREE_MIB": "0"})
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("ERROR    size.write: met ENOSPC: target full? (write not as expected; "
                      "1 difference)", p.stdout)

    def test_no_inodes_left(self):
        d = self.tmpfs("size=64m,nr_inodes=100")
        p = self.fb.cli("run", "--target", d, target=False)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertRegex(p.stderr, r"^fsconform: target directory .*/mnt is nearly full: "
                                   r"\d+ inodes free, the suite wants 1000 ")


WIN_PROFILES = {
    "windows": """
        [profile]
        name = "windows"
        match = { os = "windows" }
        status = "provisional"
        """,
    "wine": """
        [profile]
        name = "wine"
        inherits = ["windows"]
        match = { os = "windows", wine = "true" }
        status = "verified"
        """,
}


def answering(platform_lines):
    """A fake Win32 probe: answers --fsc-platform as the runtime does, else observes."""
    answer = "; ".join(f"echo {line}" for line in platform_lines)
    return sh(f'[ "$1" = --fsc-platform ] && {{ {answer}; exit 0; }}\necho rename=ok')


class Emulated(unittest.TestCase):
    """Through an emulator the platform is what the probe says (--fsc-platform)."""

    def run_with(self, platform_lines):
        fb = FakeBuild({"rename.ok": answering(platform_lines)}, WIN_PROFILES,
                       emulator=["/bin/sh"], system="Windows")
        self.addCleanup(fb.cleanup)
        return fb.main("run")

    def test_wine_is_recognised_by_the_probe_answer(self):
        code, out, err = self.run_with(["os=windows", "wine=8.0"])
        self.assertIn("os=windows fs=", out)
        self.assertIn("wine=true", out)
        self.assertIn("(profile wine,", out)

    def test_real_windows_answer_selects_windows(self):
        code, out, err = self.run_with(["os=windows", "wine=none"])
        self.assertIn("wine=false", out)
        self.assertIn("(profile windows,", out)

    def test_probe_that_does_not_answer(self):
        code, out, err = self.run_with([])
        self.assertEqual(code, 2)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertIn("did not name its platform", err)


class LibraryBackend(unittest.TestCase):
    """A library backend names itself and its version (--fsc-platform), natively too."""

    PROFILES = {
        "linux": """
        [profile]
        name = "linux"
        match = { os = "linux" }
        status = "verified"
        """,
        "linux-crt-glibc": """
        [profile]
        name = "linux-crt-glibc"
        inherits = ["linux"]
        match = { os = "linux", backend = "crt-glibc" }
        status = "verified"
        """,
    }

    def run_with(self, backend, platform_lines):
        fb = FakeBuild({"rename.ok": answering(platform_lines)}, self.PROFILES, backend=backend)
        self.addCleanup(fb.cleanup)
        return fb.main("run")

    def test_backend_and_version_come_from_the_probe(self):
        code, out, err = self.run_with(
            "crt", ["os=linux", "backend=crt-glibc", "backend_version=2.36"])
        self.assertIn("backend=crt-glibc backend_version=2.36", out)
        self.assertIn("(profile linux-crt-glibc,", out)

    def test_native_backend_is_not_asked(self):
        code, out, err = self.run_with("posix", ["os=linux", "backend=crt-glibc"])
        self.assertIn("backend=posix", out)
        self.assertIn("(profile linux,", out)


if __name__ == "__main__":
    unittest.main()
