"""Running probe executables: one fresh sandbox directory per run, a timeout, many
runs in parallel, and containment. On Linux every probe runs under the build's
sentinel (harness/sentinel.c): whatever the probe starts is killed at the end of its
run (a survivor is an error), and Landlock lets it write only in its sandbox. Where
there is no sentinel the probe gets its own process group, killed at the end."""

import itertools
import os
import re
import selectors
import shutil
import signal
import stat
import subprocess
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from harness.facts import mounts_under

_POSIX = os.name == "posix"
_counter = itertools.count(1)
SANDBOX_PREFIX = "fsc-"
_SANDBOX_RE = re.compile(r"fsc-(\d+)-\d+-")   # fsc-<harness pid>-<n>-<probe id>
OUTPUT_LIMIT = 1 << 20       # bytes kept of a probe's stdout and of its stderr
COLLECT_S = 5.0              # after killing a probe: how long its output may take to close
SENTINEL_WAIT_S = 10.0       # how long the sentinel may take to kill a tree (its own: 5 s)


@dataclass
class RawRun:
    exit_status: object      # int (negative = killed by that signal), None if not started
    timed_out: bool          # or stopped by the runner (then `note` says why)
    stdout: bytes
    stderr: bytes
    duration: float
    note: str = ""           # what the runner found wrong: a survivor, too much output,
                             # no sandbox, a sandbox it could not remove; makes it an error


class Runner:
    """Runs probes. Thread-safe; `abort()` kills everything running (Ctrl-C)."""

    def __init__(self, target, emulator=(), timeout=10.0, env=None, sentinel="",
                 unconfined=frozenset()):
        self.target = os.path.abspath(target)
        self.emulator = list(emulator)
        self.timeout = timeout
        self.env = dict(os.environ if env is None else env)
        self.sentinel = sentinel       # BUILD/fsc-sentinel, "" where there is none
        self.unconfined = unconfined   # probe ids that run without Landlock (mounts)
        self.landlock = set()          # what the sentinel said about Landlock
        self._active = set()
        self._lock = threading.Lock()
        self.aborted = False

    # ---------------------------------------------------------- sandboxes --
    def make_sandbox(self, probe_id):
        path = os.path.join(self.target,
                            f"{SANDBOX_PREFIX}{os.getpid()}-{next(_counter)}-{probe_id}")
        os.mkdir(path, 0o700)
        return path

    def sweep(self):
        """Remove the sandboxes of harnesses that are gone (killed by CTest's timeout,
        SIGKILL); returns what could not be removed, one line each."""
        problems = []
        for name in os.listdir(self.target):
            m = _SANDBOX_RE.match(name)
            if m and not _alive(int(m.group(1))):
                problem = remove_tree(os.path.join(self.target, name))
                if problem:
                    problems.append(problem)
        return problems

    # -------------------------------------------------------------- run one --
    def run(self, probe, args=()):
        """Run `probe` once in a fresh sandbox; always removes the sandbox."""
        if self.aborted:
            raise KeyboardInterrupt
        try:
            sandbox = self.make_sandbox(probe.id)
        except OSError as e:
            return RawRun(None, False, b"", b"", 0.0,
                          note=f"no sandbox: cannot create a directory in {self.target}: "
                               f"{e.strerror}")
        try:
            raw = self._run_in(probe, sandbox, args)
        finally:
            problem = remove_tree(sandbox)
        if problem:
            raw.note = f"{raw.note}; {problem}" if raw.note else problem
        return raw

    def _run_in(self, probe, sandbox, args):
        env = dict(self.env)
        env["FSC_PROBE_ID"] = probe.id
        argv = self.emulator + [probe.exe, *args]
        kw = {}
        status_r = None
        if self.sentinel:
            status_r, status_w = os.pipe()
            confine = [] if probe.id in self.unconfined else ["-w", sandbox]
            argv = [self.sentinel, str(os.getpid()), str(status_w), *confine, "--", *argv]
            kw["pass_fds"] = (status_w,)
        if _POSIX:
            kw["start_new_session"] = True
        else:
            kw["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        t0 = time.monotonic()
        try:
            proc = subprocess.Popen(argv, cwd=sandbox, env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
        finally:
            if status_r is not None:
                os.close(status_w)
        with self._lock:
            self._active.add(proc)
        try:
            if self.aborted:   # abort() may have missed it
                raise KeyboardInterrupt
            if _POSIX:
                out, err, status, timed_out, note = self._pump(proc, status_r)
            else:
                out, err, status, timed_out, note = self._communicate(proc)
        finally:
            self._stop(proc)
            proc.stdout.close()
            proc.stderr.close()
            if status_r is not None:
                os.close(status_r)
            with self._lock:
                self._active.discard(proc)
        duration = time.monotonic() - t0
        if self.aborted:
            raise KeyboardInterrupt
        exit_status = None if note and not timed_out else proc.returncode   # we stopped it
        if self.sentinel and exit_status is not None:
            exit_status, said = self._read_status(status)
            note = "; ".join(x for x in (note, said) if x)
        return RawRun(exit_status, timed_out, out, err, duration, note)

    def _pump(self, proc, status_r):
        """Read stdout, stderr (and the sentinel's status) until they close, keeping
        OUTPUT_LIMIT bytes of each output; stop the probe at its timeout or when it
        writes more. Returns (stdout, stderr, status, timed_out, note)."""
        names = {proc.stdout.fileno(): "stdout", proc.stderr.fileno(): "stderr"}
        bufs = {fd: bytearray() for fd in names}
        if status_r is not None:
            bufs[status_r] = bytearray()
        sel = selectors.PollSelector()   # as communicate(): no epoll fd per run
        for fd in bufs:
            sel.register(fd, selectors.EVENT_READ)
        deadline = time.monotonic() + self.timeout
        timed_out, note = False, ""
        try:
            while sel.get_map():
                left = deadline - time.monotonic()
                if left <= 0:
                    if timed_out or note:   # stopped, yet a process outside kept the pipes
                        lost = "; output lost: a process outside the probe kept it open"
                        note += lost if note else lost[2:]
                        break
                    timed_out, deadline = True, time.monotonic() + COLLECT_S
                    if proc.poll() is not None:
                        note = (f"the probe exited (status {proc.returncode}) but a helper "
                                f"kept its output open past the {self.timeout:g} s timeout")
                    self._stop(proc)
                    continue
                for key, _ in sel.select(left):
                    data = os.read(key.fd, 65536)
                    buf = bufs[key.fd]
                    if not data:
                        sel.unregister(key.fd)
                    elif len(buf) + len(data) <= OUTPUT_LIMIT or key.fd == status_r:
                        buf += data
                    elif not note:
                        buf += data[:OUTPUT_LIMIT - len(buf)]
                        note = f"more than {OUTPUT_LIMIT >> 20} MiB on {names[key.fd]}; stopped"
                        deadline = time.monotonic() + COLLECT_S
                        self._stop(proc)
        finally:
            sel.close()
        if status_r is not None and not (timed_out or note):
            proc.wait()   # its status pipe closed: the sentinel has exited
        elif not (timed_out or note):   # outputs closed: the probe is ending
            try:
                proc.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                timed_out = True
        return (bytes(bufs[proc.stdout.fileno()]), bytes(bufs[proc.stderr.fileno()]),
                bytes(bufs.get(status_r, b"")), timed_out, note)

    def _communicate(self, proc):
        """Windows: the pipes cannot be polled; read them whole, keep the limit."""
        timed_out, note = False, ""
        try:
            out, err = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            exited = proc.poll()
            self._stop(proc)
            try:
                out, err = proc.communicate(timeout=COLLECT_S)
            except subprocess.TimeoutExpired:
                out, err = b"", b"(output lost: a process outside the probe's group kept it open)"
            if exited is not None:
                note = (f"the probe exited (status {exited}) but a helper kept its "
                        f"output open past the {self.timeout:g} s timeout")
        return out[:OUTPUT_LIMIT], err[:OUTPUT_LIMIT], b"", timed_out, note

    def _read_status(self, status):
        """(exit status, what went wrong) from the sentinel's report."""
        exit_status, problems, survivors = None, [], []
        for line in status.decode("utf-8", "replace").splitlines():
            key, _, value = line.partition("=")
            if key == "exit":
                exit_status = int(value)
            elif key == "signal":
                exit_status = -int(value)
            elif key == "landlock":
                self.landlock.add(value)
            elif key == "survivor":
                survivors.append(value)
            elif key == "survivors_unnamed":
                survivors.append(f"and {value} more")
            elif key == "unreaped":
                problems.append(f"pid {value} could not be killed")
            elif key == "error":
                problems.append(f"sentinel: {value}")
        if survivors:
            problems.insert(0, "left running after the probe ended (killed): "
                            + ", ".join(survivors))
        return exit_status, "; ".join(problems)

    def _stop(self, proc):
        """End the probe and everything it started: the sentinel kills the tree on
        SIGTERM; without one, the process group is killed."""
        if proc.poll() is None and self.sentinel:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(SENTINEL_WAIT_S)
            except subprocess.TimeoutExpired:
                pass
        _kill_group(proc)
        proc.wait()

    def abort(self):
        self.aborted = True
        with self._lock:
            procs = list(self._active)
        for p in procs:
            if self.sentinel:
                p.send_signal(signal.SIGTERM)   # the worker's _stop waits for it
            else:
                _kill_group(p)

    # ------------------------------------------------------------- run many --
    def map(self, tasks, work, jobs, on_done=None):
        """Run work(task) for every task on `jobs` threads; results in task order.
        work should not raise (wrap it with safe()); on_done(i, result) is called
        in the calling thread as results arrive (the progress line)."""
        results = [None] * len(tasks)
        if jobs <= 1 or len(tasks) <= 1:
            for i, t in enumerate(tasks):
                results[i] = work(t)
                if on_done:
                    on_done(i, results[i])
            return results
        pool = ThreadPoolExecutor(max_workers=jobs)
        try:
            futs = {pool.submit(work, t): i for i, t in enumerate(tasks)}
            for f in as_completed(futs):
                i = futs[f]
                results[i] = f.result()
                if on_done:
                    on_done(i, results[i])
        except BaseException:
            self.abort()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        return results


def safe(work, fallback):
    """Wrap work(task) so that an unexpected exception becomes fallback(task, traceback)."""
    def wrapped(task):
        t0 = time.monotonic()
        try:
            return work(task)
        except KeyboardInterrupt:
            raise
        except Exception:
            return fallback(task, traceback.format_exc(), time.monotonic() - t0)
    return wrapped


def _kill_group(proc):
    if _POSIX:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    else:
        if proc.poll() is None:
            subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)],
                           capture_output=True)
            try:
                proc.kill()
            except OSError:
                pass




def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def remove_tree(path):
    """Remove a sandbox whatever the probe left in it (read-only directories, files
    without permissions), never crossing a mount point (a bind mount of a directory
    outside) and never following a symlink: what is mounted stays. Returns "" or a
    one-line problem description."""
    if not _POSIX:
        return _remove_tree_windows(path)
    mounts = set(mounts_under(path))
    if os.path.realpath(path) in mounts:
        return f"kept: sandbox {path} is a mount point"
    problems = []
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return ""
    except OSError as e:
        return f"sandbox {path} could not be removed: {e}"
    try:
        _empty_dir(fd, os.path.realpath(path), os.fstat(fd).st_dev, mounts, problems)
    finally:
        os.close(fd)
    if not problems:
        try:
            os.rmdir(path)
        except OSError as e:
            problems.append(f"sandbox {path} could not be removed: {e}")
    return "; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)"
                                      if len(problems) > 3 else "")


def _empty_dir(fd, path, dev, mounts, problems):
    """Remove everything in the directory open as fd (whose path is `path`)."""
    st = os.fstat(fd)
    if st.st_mode & stat.S_IRWXU != stat.S_IRWXU:
        os.chmod(fd, st.st_mode | stat.S_IRWXU)
    for entry in os.scandir(fd):
        name, full = entry.name, f"{path}/{entry.name}"
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISDIR(st.st_mode):   # (a file mount point: unlink gets EBUSY)
                os.unlink(name, dir_fd=fd)
                continue
            # directories only: overlayfs gives files the st_dev of their layer
            if full in mounts or st.st_dev != dev:
                problems.append(f"kept: mount point {full} inside the sandbox")
                continue
            if st.st_mode & stat.S_IRWXU != stat.S_IRWXU:   # so that it can be opened
                os.chmod(name, st.st_mode | stat.S_IRWXU, dir_fd=fd)
            sub = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
            try:
                before = len(problems)
                _empty_dir(sub, full, dev, mounts, problems)
            finally:
                os.close(sub)
            if len(problems) == before:
                os.rmdir(name, dir_fd=fd)
        except FileNotFoundError:
            pass
        except OSError as e:
            problems.append(f"could not remove {full}: {e.strerror}")


def _remove_tree_windows(path):
    """Windows: delete-pending handles close late, so retry a few times."""
    def writable(func, p, _exc):
        os.chmod(p, stat.S_IWRITE)
        func(p)
    last = None
    for attempt in range(4):
        try:
            shutil.rmtree(path, onerror=writable)
            return ""
        except FileNotFoundError:
            return ""
        except OSError as e:
            last = e
        time.sleep(0.05 * attempt)
    return f"sandbox {path} could not be removed: {last}"
