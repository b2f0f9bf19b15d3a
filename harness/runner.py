"""Running probe executables: one fresh sandbox directory per run, its own process
group (so helpers die with it), a timeout, and many runs in parallel."""

import itertools
import os
import shutil
import signal
import stat
import subprocess
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

_POSIX = os.name == "posix"
_counter = itertools.count(1)


@dataclass
class RawRun:
    exit_status: object      # int (negative = killed by that signal), None if not started
    timed_out: bool
    stdout: bytes
    stderr: bytes
    duration: float
    note: str = ""           # something the runner noticed (a helper held the output)
    cleanup_error: str = ""  # the sandbox could not be removed


class Runner:
    """Runs probes. Thread-safe; `abort()` kills everything running (Ctrl-C)."""

    def __init__(self, target, emulator=(), timeout=10.0, env=None):
        self.target = os.path.abspath(target)
        self.emulator = list(emulator)
        self.timeout = timeout
        self.env = dict(os.environ if env is None else env)
        self._active = set()
        self._lock = threading.Lock()
        self.aborted = False

    # ---------------------------------------------------------- sandboxes --
    def make_sandbox(self, probe_id):
        path = os.path.join(self.target, f"fsc-{os.getpid()}-{next(_counter)}-{probe_id}")
        os.mkdir(path, 0o700)
        return path

    # -------------------------------------------------------------- run one --
    def run(self, probe, args=()):
        """Run `probe` once in a fresh sandbox; always removes the sandbox."""
        if self.aborted:
            raise KeyboardInterrupt
        sandbox = self.make_sandbox(probe.id)
        try:
            raw = self._run_in(probe, sandbox, args)
        finally:
            problem = remove_tree(sandbox)
        raw.cleanup_error = problem
        return raw

    def _run_in(self, probe, sandbox, args):
        env = dict(self.env)
        env["FSC_PROBE_ID"] = probe.id
        kw = {}
        if _POSIX:
            kw["start_new_session"] = True
        else:
            kw["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        t0 = time.monotonic()
        proc = subprocess.Popen(self.emulator + [probe.exe, *args], cwd=sandbox, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, **kw)
        with self._lock:
            self._active.add(proc)
        timed_out, note = False, ""
        try:
            try:
                out, err = proc.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                exited = proc.poll()
                _kill_group(proc)
                out, err = _collect(proc)
                if exited is not None:
                    note = (f"the probe exited (status {exited}) but a helper kept its "
                            f"output open past the {self.timeout:g} s timeout")
        finally:
            _kill_group(proc)   # helpers that outlived the probe
            with self._lock:
                self._active.discard(proc)
        duration = time.monotonic() - t0
        if self.aborted:
            raise KeyboardInterrupt
        return RawRun(proc.returncode, timed_out, out or b"", err or b"", duration, note)

    def abort(self):
        self.aborted = True
        with self._lock:
            procs = list(self._active)
        for p in procs:
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


def _collect(proc):
    """Output after the kill. A helper that left the group may still hold the pipes:
    then give up on them after a short wait."""
    try:
        return proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        for s in (proc.stdout, proc.stderr):
            try:
                s.close()
            except OSError:
                pass
        proc.wait()
        return b"", b"(output lost: a process outside the probe's group kept it open)"


def remove_tree(path):
    """Remove a sandbox whatever the probe left in it (read-only directories,
    files without permissions). Returns "" or a one-line problem description."""
    last = None
    for attempt in range(4):
        try:
            shutil.rmtree(path)
            return ""
        except FileNotFoundError:
            if not os.path.lexists(path):
                return ""
        except OSError as e:
            last = e
        _make_writable(path)
        if attempt:
            time.sleep(0.05 * attempt)   # Windows: delete-pending handles close late
    if not os.path.lexists(path):
        return ""
    return f"sandbox {path} could not be removed: {last}"


def _make_writable(top):
    """chmod u+rwx every directory under top (top-down, so we can descend)."""
    def fix(d):
        try:
            st = os.lstat(d)
            if stat.S_ISDIR(st.st_mode) and (st.st_mode & stat.S_IRWXU) != stat.S_IRWXU:
                os.chmod(d, st.st_mode | stat.S_IRWXU)
        except OSError:
            pass
    fix(top)
    for root, dirs, _files in os.walk(top):
        for d in dirs:
            fix(os.path.join(root, d))
