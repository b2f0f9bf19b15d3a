"""Containment (issue 9): what a probe leaves running is killed and named, it writes
only in its sandbox, sandbox removal never leaves it, its output is bounded, and the
harness cleans up on SIGTERM/SIGHUP and after a harness that was killed."""

import ctypes
import errno
import json
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import unittest

from harness import reports
from harness.runner import HOST
from harness.tests.fakes import REPO, FakeBuild, pid_alive, py, sentinel, sh

LINUX = sys.platform.startswith("linux")


def landlock_abi():
    """The kernel's Landlock ABI version, 0 without Landlock."""
    libc = ctypes.CDLL(None, use_errno=True)
    return max(0, libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1)))


def processes_mentioning(text, but_not=None):
    """Pids of living processes whose command line contains `text` (and does not
    start with `but_not`)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
            if text.encode() in cmd and pid_alive(int(pid)) and not (
                    but_not and cmd.startswith(but_not.encode())):
                found.append(int(pid))
        except OSError:
            pass
    return found


@unittest.skipUnless(LINUX, "the sentinel is Linux-only")
class Contain(unittest.TestCase):
    def build(self, probes, **kw):
        fb = FakeBuild(probes, **kw)
        self.addCleanup(fb.cleanup)
        return fb

    def result(self, fb, *args):
        code, out, err = fb.main("run", "--profile", "none", "--timeout", "20", *args)
        run = reports.read_json(os.path.join(fb.build, "results", "latest.json"))
        return {r.id: r for r in run.results}, out, err

    def test_daemonized_grandchild_is_a_survivor_and_killed(self):
        fb = self.build({
            "inherit.daemon": sh("""
                ( setsid sleep 60 & echo "daemon=$!" >&2 ) </dev/null >/dev/null 2>&1
                ( setsid sh -c 'echo "daemon=$$" >&2; exec sleep 61' & ) >/dev/null
                echo made=ok
                """),
            "inherit.many": sh("""
                for i in 1 2 3 4 5 6 7 8 9 10 11 12; do ( setsid sleep 62 & ) done
                echo made=ok
                """),
            "inherit.short_helper": sh("""
                ( sleep 0.1 ) &
                echo made=ok
                """)})
        by_id, _out, _err = self.result(fb)
        r = by_id["inherit.daemon"]
        self.assertEqual(r.verdict, "error")
        self.assertIn("left running after the probe ended (killed):", r.message)
        self.assertIn("sleep 61", r.message)
        self.assertEqual(processes_mentioning("sleep 61"), [])
        for pid in [int(x.split("=")[1]) for x in r.stderr.split() if x.startswith("daemon=")]:
            self.assertFalse(pid_alive(pid), f"{pid} survived")
        many = by_id["inherit.many"]
        self.assertEqual(many.message.count("sleep 62"), 10, many.message)
        self.assertIn("and 2 more", many.message)
        self.assertEqual(processes_mentioning("sleep 62"), [])
        self.assertEqual(by_id["inherit.short_helper"].verdict, "new")   # ended in the grace
        self.assertEqual(fb.leftovers(), [])

    def test_probe_gets_no_blocked_or_ignored_signals(self):
        fb = self.build({"inherit.signals": sh("""
            awk '/^Sig(Blk|Ign)/ { print tolower(substr($1, 1, 6)) "=" $2 }' /proc/self/status
            """)})
        by_id, _out, _err = self.result(fb)
        self.assertEqual(by_id["inherit.signals"].observations,
                         {"sigblk": "0000000000000000", "sigign": "0000000000000000"})

    @unittest.skipUnless(LINUX and landlock_abi(), "no Landlock in this kernel")
    def test_writes_outside_the_sandbox_are_refused(self):
        fb = self.build({"perm.escape": sh("""
            echo pid=$$
            if echo x > ../escape.txt; then echo up=written; else echo up=refused; fi
            if echo x > /tmp/escape-$$; then echo tmp=written; else echo tmp=refused; fi
            if echo x > inside; then echo inside=written; fi
            """)})
        by_id, _out, _err = self.result(fb)
        r = by_id["perm.escape"]
        self.assertEqual(r.observations["up"], "refused")
        self.assertEqual(r.observations["tmp"], "refused")
        self.assertEqual(r.observations["inside"], "written")
        self.assertFalse(os.path.exists(os.path.join(fb.target, "escape.txt")))
        self.assertFalse(os.path.exists(f"/tmp/escape-{r.observations['pid']}"))

    @unittest.skipUnless(LINUX and os.geteuid() == 0, "bind mounts need root")
    def test_bind_mount_in_the_sandbox_is_kept_not_emptied(self):
        outside = tempfile.mkdtemp(prefix="fsc-outside-")
        self.addCleanup(shutil.rmtree, outside)
        with open(os.path.join(outside, "precious"), "w") as f:
            f.write("keep me\n")
        os.mkdir(os.path.join(outside, "sub"), 0o500)
        fb = self.build({"rename.bind": sh(f"""
            mkdir m && mount --bind {outside} m && echo mounted=ok
            """)}, needs={"rename.bind": "mounts"})
        by_id, _out, _err = self.result(fb)
        left = fb.leftovers()
        for name in left:   # undo what the probe did, before asserting
            mnt = os.path.join(fb.target, name, "m")
            subprocess.run(["umount", mnt], check=False)
        r = by_id["rename.bind"]
        self.assertEqual(r.observations, {"mounted": "ok"})
        self.assertEqual(sorted(os.listdir(outside)), ["precious", "sub"])
        self.assertEqual(r.verdict, "error")
        self.assertRegex(r.message, r"kept: mount point .*/fsc-[^/]*/m inside the sandbox")
        self.assertEqual(len(left), 1)

    def test_symlink_out_of_the_sandbox_is_not_followed(self):
        outside = tempfile.mkdtemp(prefix="fsc-outside-")
        self.addCleanup(shutil.rmtree, outside)
        with open(os.path.join(outside, "precious"), "w") as f:
            f.write("keep me\n")
        fb = self.build({"link.out": sh(f"""
            ln -s {outside} dir && ln -s {outside}/precious file && echo linked=ok
            mkdir -p ro && ln -s {outside} ro/dir && chmod 0500 ro
            """)})
        by_id, _out, _err = self.result(fb)
        self.assertEqual(by_id["link.out"].observations, {"linked": "ok"})
        self.assertEqual(os.listdir(outside), ["precious"])
        self.assertEqual(os.stat(outside).st_mode & 0o777, 0o700)
        self.assertEqual(fb.leftovers(), [])

    def test_flood_of_output_is_stopped_and_memory_stays_small(self):
        fb = self.build({"stdio.flood": sh("""
            echo first=ok
            head -c 400000000 /dev/zero | tr '\\0' a
            echo last=ok
            """)})
        p = fb.cli("run", "--profile", "none")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("more than 1 MiB on stdout; stopped", p.stdout)
        self.assertNotIn("Traceback", p.stdout + p.stderr)
        # ru_maxrss is in KiB: the largest child of this test process so far
        self.assertLess(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, 150 * 1024)
        self.assertEqual(fb.leftovers(), [])

    def test_sandbox_that_cannot_be_made_is_one_line_per_probe(self):
        fb = self.build({"open.sandbox_name_too_long_for_the_path_max": sh("echo a=1")})
        # a target path so long that the harness's write test fits but the sandbox not
        deep, part = fb.target, "d" * 200
        while len(deep) + 1 + 33 + len(part) < 4050:
            deep = os.path.join(deep, part)
            os.mkdir(deep)
        deep = os.path.join(deep, "e" * (4050 - len(deep) - 1))
        os.mkdir(deep)
        p = fb.cli("run", "--target", deep, "--profile", "none")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertNotIn("Traceback", p.stdout + p.stderr)
        line = next(x for x in p.stdout.splitlines() if x.startswith("ERROR"))
        self.assertIn("no sandbox: cannot create a directory in", line)
        self.assertIn("File name too long", line)
        run = reports.read_json(os.path.join(fb.build, "results", "latest.json"))
        self.assertEqual(run.results[0].details, "")

    def test_stale_sandbox_of_a_dead_harness_is_swept(self):
        fb = self.build({"open.ok": sh("echo a=1")})
        dead = subprocess.Popen(["true"])
        dead.wait()
        stale = os.path.join(fb.target, f"fsc-{HOST}-{dead.pid}-3-open.ok")
        os.makedirs(os.path.join(stale, "ro", "inner"))
        os.chmod(os.path.join(stale, "ro"), 0o500)
        living = os.path.join(fb.target, f"fsc-{HOST}-{os.getppid()}-3-open.ok")
        os.mkdir(living)
        # the same dead pid on another machine sharing the target: not ours to judge
        other_host = "0" * 8 if HOST != "0" * 8 else "1" * 8
        elsewhere = os.path.join(fb.target, f"fsc-{other_host}-{dead.pid}-3-open.ok")
        os.mkdir(elsewhere)
        self.result(fb)
        self.assertFalse(os.path.exists(stale))
        self.assertTrue(os.path.exists(living))
        self.assertTrue(os.path.exists(elsewhere))


@unittest.skipUnless(LINUX, "the sentinel is Linux-only")
class LateRelease(unittest.TestCase):
    def removed_despite(self, call, failures, err, make):
        """remove_tree of a sandbox holding `make` (a directory or a file) while
        os.<call> fails `failures` times with `err`: it is gone; returns the pauses."""
        from unittest import mock
        from harness import runner
        top = tempfile.mkdtemp(prefix="fsc-late-")
        self.addCleanup(shutil.rmtree, top, True)
        sandbox = os.path.join(top, "fsc-1-1-x")
        os.makedirs(sandbox)
        make(os.path.join(sandbox, "x"))
        real, calls = getattr(os, call), []

        def failing(path, *, dir_fd=None):
            calls.append(path)
            if len(calls) <= failures:
                raise OSError(err, os.strerror(err), path)
            return real(path, dir_fd=dir_fd)

        with mock.patch.object(runner.os, call, failing), \
                mock.patch.object(runner.time, "sleep") as pause:
            self.assertEqual(runner.remove_tree(sandbox), "")
        self.assertFalse(os.path.lexists(sandbox))
        return pause.call_count

    def test_directory_not_empty_for_a_moment_is_tried_again(self):
        # a FUSE file released after its unlink lingers as .fuse_hidden* for a moment
        self.assertEqual(self.removed_despite("rmdir", 2, errno.ENOTEMPTY, os.mkdir), 2)

    def test_a_file_busy_for_a_moment_is_tried_again(self):
        # smbnetfs: the unlink of a file whose release has not reached Samba is EBUSY
        self.assertEqual(self.removed_despite("unlink", 1, errno.EBUSY,
                                              lambda p: open(p, "w").close()), 1)

    def test_a_directory_that_stays_not_empty_is_reported(self):
        from unittest import mock
        from harness import runner
        top = tempfile.mkdtemp(prefix="fsc-late-")
        self.addCleanup(shutil.rmtree, top, True)
        sandbox = os.path.join(top, "fsc-1-1-x")
        os.makedirs(sandbox)

        def rmdir(path, *, dir_fd=None):
            raise OSError(errno.ENOTEMPTY, os.strerror(errno.ENOTEMPTY), path)

        with mock.patch.object(runner.os, "rmdir", rmdir), \
                mock.patch.object(runner.time, "sleep") as pause:
            problem = runner.remove_tree(sandbox)
        self.assertIn("could not be removed", problem)
        self.assertIn("not empty", problem)
        self.assertEqual(pause.call_count, len(runner.LATE_RELEASE_RETRIES))


class WithoutLandlock(unittest.TestCase):
    def test_summary_says_once_that_writes_are_not_prevented(self):
        fb = FakeBuild({"open.a": sh("echo a=1"), "open.b": sh("echo b=1")})
        self.addCleanup(fb.cleanup)
        # a stand-in for the sentinel on a kernel without Landlock
        fake = os.path.join(fb.build, "fake-sentinel")
        with open(fake, "w") as f:
            f.write(py("""
                import os, socket, subprocess, sys
                sock = socket.socket(fileno=int(sys.argv[2]))
                while True:
                    try:
                        req, fds, _, _ = socket.recv_fds(sock, 65536, 3)
                    except OSError:
                        break
                    if not req:
                        break
                    flag, sandbox, _peer, n, *rest = req.decode().split("\\0")
                    argv, env = rest[:int(n)], dict(e.split("=", 1) for e in rest[int(n):])
                    p = subprocess.run(argv, cwd=sandbox, env=env, stdin=fds[0],
                                       stdout=fds[1], stderr=fds[2])
                    for fd in fds:
                        os.close(fd)
                    sock.send(f"landlock=unsupported\\nexit={p.returncode}\\n".encode())
                """))
        os.chmod(fake, 0o755)
        fb.manifest["sentinel"] = fake
        with open(os.path.join(fb.build, "fsconform.json"), "w") as f:
            json.dump(fb.manifest, f)
        code, out, _err = fb.main("run", "--profile", "none")
        self.assertEqual(code, 1)
        self.assertEqual(out.count("writes outside the sandbox are not prevented"), 1, out)


class SentinelNotBuilt(unittest.TestCase):
    def test_one_line_and_exit_2(self):
        fb = FakeBuild({"open.a": sh("echo a=1")})
        self.addCleanup(fb.cleanup)
        fb.manifest["sentinel"] = os.path.join(fb.build, "fsc-sentinel")
        with open(os.path.join(fb.build, "fsconform.json"), "w") as f:
            json.dump(fb.manifest, f)
        p = fb.cli("run", "--profile", "none")
        self.assertEqual(p.returncode, 2)
        self.assertRegex(p.stderr, r"^fsconform: no \S+/fsc-sentinel, which runs every probe "
                                   r"here: build first \(.*\)\n$")


class WithoutSentinel(unittest.TestCase):
    """A manifest without a sentinel (macOS, FreeBSD, Windows hosts): process groups."""

    def test_run_without_sentinel(self):
        fb = FakeBuild({
            "open.ok": sh("echo a=1"),
            "open.exit3": sh("echo a=1; exit 3"),
            "lock.crash": sh("kill -SEGV $$"),
            "lock.hang": sh("""
                sleep 60 &
                echo "child=$!" >&2
                sleep 60
                """),
            "stdio.flood": sh("head -c 3000000 /dev/zero")}, contained=False)
        self.addCleanup(fb.cleanup)
        code, out, err = fb.main("run", "--profile", "none", "--timeout", "1")
        run = reports.read_json(os.path.join(fb.build, "results", "latest.json"))
        by_id = {r.id: r for r in run.results}
        self.assertEqual({k: r.verdict for k, r in by_id.items()},
                         {"open.ok": "new", "open.exit3": "error", "lock.crash": "crash",
                          "lock.hang": "timeout", "stdio.flood": "error"})
        self.assertIn("more than 1 MiB on stdout; stopped", by_id["stdio.flood"].message)
        child = int(by_id["lock.hang"].stderr.split("child=")[1].split()[0])
        self.assertFalse(pid_alive(child))
        self.assertEqual(fb.leftovers(), [])
        self.assertNotIn("Landlock", out)


@unittest.skipUnless(LINUX, "the sentinel is Linux-only")
class Signals(unittest.TestCase):
    """SIGTERM and SIGHUP to `python3 -m harness run` while probes hang: it exits at
    once, with no sandbox and no process left."""

    def stop_run_with(self, sig, check=False):
        fb = FakeBuild({f"lock.hang{i}": sh("""
            read x < "$FSC_TEST_FIFOS/$FSC_PROBE_ID"
            sleep 60
            """) for i in range(2)})
        self.addCleanup(fb.cleanup)
        fifos = os.path.join(fb.root, "fifos")
        os.mkdir(fifos)
        for i in range(2):
            os.mkfifo(os.path.join(fifos, f"lock.hang{i}"))
        env = dict(os.environ, PYTHONPATH=REPO, FSC_TEST_FIFOS=fifos)
        command = ["check", "lock.hang0"] if check else ["run", "-j", "2"]
        proc = subprocess.Popen([sys.executable, "-m", "harness", command[0], *fb.base_args(),
                                 *command[1:], "--profile", "none", "--timeout", "60"],
                                cwd=fb.root, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        self.addCleanup(proc.kill)
        # opening a FIFO for writing returns once its probe has opened it to read
        for i in range(1 if check else 2):
            opened = []
            t = threading.Thread(target=lambda: opened.append(
                os.open(os.path.join(fifos, f"lock.hang{i}"), os.O_WRONLY)), daemon=True)
            t.start()
            t.join(30)
            self.assertTrue(opened, f"lock.hang{i} did not start")
            os.close(opened[0])   # the probe reads EOF and goes on to sleep
        proc.send_signal(sig)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            self.fail(f"no exit 30 s after {sig!r}; stderr: {err}; processes: "
                      f"{processes_mentioning(fb.root)}")
        self.assertEqual(proc.returncode, 128 + sig, err)
        self.assertIn(f"interrupted by {signal.Signals(sig).name}", err)
        self.assertEqual(fb.leftovers(), [])
        self.assertEqual(processes_mentioning(fb.root), [])

    def test_sigkill_of_the_harness_ends_its_probes(self):
        # what CTest's timeout does; the sandbox stays until the next run sweeps it
        fb = FakeBuild({"lock.hang": sh("""
            exec 3< "$FSC_TEST_FIFO"
            sleep 60
            """)})
        self.addCleanup(fb.cleanup)
        fifo = os.path.join(fb.root, "fifo")
        os.mkfifo(fifo)
        env = dict(os.environ, PYTHONPATH=REPO, FSC_TEST_FIFO=fifo)
        proc = subprocess.Popen([sys.executable, "-m", "harness", "run", *fb.base_args(),
                                 "--profile", "none", "--timeout", "60"],
                                cwd=fb.root, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        self.addCleanup(proc.kill)
        opened = []
        t = threading.Thread(target=lambda: opened.append(os.open(fifo, os.O_WRONLY)),
                             daemon=True)
        t.start()
        t.join(30)
        self.assertTrue(opened, "the probe did not start")
        self.addCleanup(os.close, opened[0])
        proc.kill()
        proc.wait(10)
        # the FIFO reports an error once its reader, the probe, is gone
        poll = select.poll()
        poll.register(opened[0], 0)
        self.assertTrue(poll.poll(10000), "the probe outlived its harness")
        # (the sentinel itself, having killed them, may still be exiting)
        self.assertEqual(processes_mentioning(fb.root, but_not=sentinel()), [])
        self.assertEqual(len(fb.leftovers()), 1)
        fb.main("run", "--profile", "none", "--timeout", "1")   # (the probe now times out)
        self.assertEqual(fb.leftovers(), [])

    def test_sigterm(self):
        self.stop_run_with(signal.SIGTERM)

    def test_sighup(self):
        self.stop_run_with(signal.SIGHUP)

    def test_sigterm_during_check(self):
        self.stop_run_with(signal.SIGTERM, check=True)


if __name__ == "__main__":
    unittest.main()
