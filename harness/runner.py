"""Running probe executables: one fresh sandbox directory per run, a timeout, many
runs in parallel, and containment. On Linux every probe runs under the build's
sentinel (harness/sentinel.c), one per harness thread, which starts it: whatever the
probe starts is killed at the end of its run (a survivor is an error), and Landlock
lets it write only in its sandbox. Where there is no sentinel the probe gets its own
process group, killed at the end."""

import errno
import itertools
import os
import re
import selectors
import shutil
import signal
import socket
import stat
import subprocess
import threading
import time
import traceback
import zlib
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from harness.facts import mounts_under

_POSIX = os.name == "posix"
_counter = itertools.count(1)
SANDBOX_PREFIX = "fsc-"
# fsc-<host>-<harness pid>-<n>-<probe id>: <host> names where that pid means something
_SANDBOX_RE = re.compile(r"fsc-([0-9a-f]{8})-(\d+)-\d+-")
PEER_VISIBLE_S = 10.0       # how long a sandbox may take to show through the peer
OUTPUT_LIMIT = 1 << 20       # bytes kept of a probe's stdout and of its stderr
COLLECT_S = 10.0             # after stopping a probe: how long its output and status may
                             # take (the sentinel's own deadline for killing is 5 s)


@dataclass
class RawRun:
    exit_status: object      # int (negative = killed by that signal), None if not started
    timed_out: bool
    stdout: bytes
    stderr: bytes
    duration: float
    note: str = ""           # what the runner found wrong: a survivor, too much output,
                             # no sandbox, a sandbox it could not remove; makes it an error


class _Sentinel:
    """A sentinel process serving one harness thread over a SOCK_SEQPACKET socket;
    it ends when the socket closes or the thread that started it ends."""

    def __init__(self, exe):
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.proc = subprocess.Popen(
                [exe, str(os.getpid()), str(theirs.fileno())], pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True)
        except BaseException:
            self.sock.close()
            raise
        finally:
            theirs.close()

    def kill(self):
        """SIGTERM: it kills the run it serves and ends."""
        self.proc.send_signal(signal.SIGTERM)

    def close(self):
        self.sock.close()
        try:
            self.proc.wait(COLLECT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Runner:
    """Runs probes. Thread-safe; `abort()` kills everything running (Ctrl-C);
    `close()` ends the sentinels when done."""

    def __init__(self, target, emulator=(), timeout=10.0, env=None, sentinel="",
                 unconfined=frozenset(), peer="", peered=frozenset()):
        self.target = os.path.abspath(target)
        self.peer = os.path.abspath(peer) if peer else ""   # the target through a 2nd mount
        self.peered = peered           # probe ids that get the peer (Needs: peer)
        self.emulator = list(emulator)
        self.timeout = timeout
        self.env = dict(os.environ if env is None else env)
        self.env.pop("FSC_PEER_SANDBOX", None)   # only ever the one the run checked
        self.sentinel = sentinel       # BUILD/fsc-sentinel, "" where there is none
        self.unconfined = unconfined   # probe ids that run without Landlock (mounts)
        self.landlock = set()          # what the sentinels said about Landlock
        self._active = set()           # what runs a probe now: sentinels, or Popens
        self._sentinels = []           # every sentinel started, for close()
        self._local = threading.local()
        self._lock = threading.Lock()
        self.aborted = False

    # ---------------------------------------------------------- sandboxes --
    def make_sandbox(self, probe_id):
        path = os.path.join(self.target,
                            f"{SANDBOX_PREFIX}{HOST}-{os.getpid()}-{next(_counter)}-{probe_id}")
        os.mkdir(path, 0o700)
        return path

    def sweep(self):
        """Remove the sandboxes of harnesses of this host that are gone (killed by
        CTest's timeout, SIGKILL); returns what could not be removed, one line each."""
        problems = []
        for name in os.listdir(self.target):
            m = _SANDBOX_RE.match(name)
            if m and m.group(1) == HOST and not _alive(int(m.group(2))):
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
            env = dict(self.env, FSC_PROBE_ID=probe.id)
            peer = ""
            if self.peer and probe.id in self.peered:
                peer = os.path.join(self.peer, os.path.basename(sandbox))
                if not wait_visible(peer, PEER_VISIBLE_S):
                    return RawRun(None, False, b"", b"", 0.0, note=(
                        f"peer: the sandbox did not show as {peer} within "
                        f"{PEER_VISIBLE_S:g} s: --peer is not the target seen through "
                        f"another mount"))
                env["FSC_PEER_SANDBOX"] = peer
            argv = self.emulator + [probe.exe, *args]
            if self.sentinel:
                raw = self._run_contained(probe, sandbox, peer, argv, env)
            else:
                raw = self._run_in_group(sandbox, argv, env)
        finally:
            problem = remove_tree(sandbox)
        if problem:
            raw.note = f"{raw.note}; {problem}" if raw.note else problem
        return raw

    def _run_contained(self, probe, sandbox, peer, argv, env):
        sentinel = getattr(self._local, "sentinel", None)
        if sentinel is None or sentinel.proc.poll() is not None:
            sentinel = self._local.sentinel = _Sentinel(self.sentinel)
            with self._lock:
                self._sentinels.append(sentinel)
        fields = ["-" if probe.id in self.unconfined else "L", sandbox, peer, str(len(argv)),
                  *argv, *(f"{k}={v}" for k, v in env.items())]
        fields = [os.fsencode(f) for f in fields]
        if any(b"\0" in f for f in fields):
            raise ValueError("embedded null byte")   # as subprocess says
        request = b"\0".join(fields)
        t0 = time.monotonic()

        def stop():
            try:
                sentinel.sock.send(b"K")
            except OSError:
                pass
        r_out, w_out = os.pipe()
        r_err, w_err = os.pipe()
        with self._lock:
            self._active.add(sentinel)
        try:
            try:
                with open(os.devnull, "rb") as null:
                    socket.send_fds(sentinel.sock, [request], [null.fileno(), w_out, w_err])
            finally:
                os.close(w_out)
                os.close(w_err)
            if self.aborted:   # abort() may have missed it
                raise KeyboardInterrupt
            out, err, status, timed_out, note = self._pump(r_out, r_err, sentinel.sock, stop)
        except BaseException:   # Ctrl-C, SIGTERM in this thread, a failed request: end
            sentinel.kill()     # the run before its sandbox goes
            sentinel.close()
            raise
        finally:
            os.close(r_out)
            os.close(r_err)
            with self._lock:
                self._active.discard(sentinel)
        duration = time.monotonic() - t0
        if self.aborted:
            raise KeyboardInterrupt
        if status is None:   # no answer: it is stuck or gone; the next run starts another
            sentinel.proc.kill()
            sentinel.proc.wait()
            return RawRun(None, timed_out, out, err, duration,
                          note or "the sentinel ended without a status")
        exit_status, said = self._read_status(status)
        if note and not timed_out:
            exit_status = None   # we stopped it
        return RawRun(exit_status, timed_out, out, err, duration,
                      "; ".join(x for x in (note, said) if x))

    def _run_in_group(self, sandbox, argv, env):
        kw = {"start_new_session": True} if _POSIX else \
            {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
        t0 = time.monotonic()
        proc = subprocess.Popen(argv, cwd=sandbox, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
        with self._lock:
            self._active.add(proc)
        try:
            if self.aborted:
                raise KeyboardInterrupt
            if _POSIX:
                out, err, _, timed_out, note = self._pump(
                    proc.stdout.fileno(), proc.stderr.fileno(), None,
                    lambda: self._stop(proc), lambda: proc.poll() is not None)
                if not (timed_out or note):   # outputs closed: the probe is ending
                    try:
                        proc.wait(self.timeout)
                    except subprocess.TimeoutExpired:
                        timed_out = True
            else:
                out, err, timed_out, note = self._communicate(proc)
        finally:
            self._stop(proc)
            proc.stdout.close()
            proc.stderr.close()
            with self._lock:
                self._active.discard(proc)
        duration = time.monotonic() - t0
        if self.aborted:
            raise KeyboardInterrupt
        exit_status = None if note and not timed_out else proc.returncode   # we stopped it
        return RawRun(exit_status, timed_out, out, err, duration, note)

    def _pump(self, r_out, r_err, status_sock, stop, ended=None):
        """Read stdout and stderr until they close (and the sentinel's status message),
        keeping OUTPUT_LIMIT bytes of each output; stop() the probe at its timeout or
        when it writes more; ended() says whether the probe has (without a sentinel:
        with one, its status says so). Returns (stdout, stderr, status, timed_out, note)."""
        names = {r_out: "stdout", r_err: "stderr"}
        bufs = {fd: bytearray() for fd in names}
        status = None
        sel = selectors.PollSelector()   # as communicate(): no epoll fd per run
        for fd in names:
            sel.register(fd, selectors.EVENT_READ)
        if status_sock is not None:
            sel.register(status_sock, selectors.EVENT_READ)
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
                    if status is not None if status_sock is not None else ended():
                        note = (f"the probe exited but a helper kept its output open "
                                f"past the {self.timeout:g} s timeout")
                    stop()
                    continue
                for key, _ in sel.select(left):
                    if key.fileobj is status_sock:
                        status = status_sock.recv(65536)
                        sel.unregister(status_sock)
                        continue
                    data = os.read(key.fd, 65536)
                    buf = bufs[key.fd]
                    if not data:
                        sel.unregister(key.fd)
                    elif len(buf) + len(data) <= OUTPUT_LIMIT:
                        buf += data
                    elif not note:
                        buf += data[:OUTPUT_LIMIT - len(buf)]
                        note = f"more than {OUTPUT_LIMIT >> 20} MiB on {names[key.fd]}; stopped"
                        deadline = time.monotonic() + COLLECT_S
                        stop()
        finally:
            sel.close()
        return bytes(bufs[r_out]), bytes(bufs[r_err]), status or None, timed_out, note

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
        return out[:OUTPUT_LIMIT], err[:OUTPUT_LIMIT], timed_out, note

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

    @staticmethod
    def _stop(proc):
        """Without a sentinel: kill the probe's process group, and reap the probe."""
        _kill_group(proc)
        proc.wait()

    def abort(self):
        self.aborted = True
        with self._lock:
            active = list(self._active)
        for a in active:
            if isinstance(a, _Sentinel):
                a.kill()
            else:
                _kill_group(a)

    def close(self):
        """End the sentinels (a run still going is killed)."""
        with self._lock:
            sentinels, self._sentinels = self._sentinels, []
        for s in sentinels:
            s.close()

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


def wait_visible(path, seconds, sleep=time.sleep):
    """Whether directory `path` exists within `seconds`: polled, at growing intervals
    (1 ms to 50 ms), since what shows it is another mount's cache, which sends no
    event."""
    deadline, pause = time.monotonic() + seconds, 0.001
    while not os.path.isdir(path):
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        sleep(min(pause, left))
        pause = min(pause * 2, 0.05)
    return True


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




def _host_token():
    """Where a harness pid means something: this host name and PID namespace, as 8 hex
    digits. On a share, another machine's (or container's) live run has pids that may
    be dead here: its sandboxes are not this harness's to sweep."""
    try:
        pidns = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        pidns = 0   # no /proc (Windows, macOS): the host name alone
    return f"{zlib.crc32(f'{socket.gethostname()}/{pidns}'.encode()):08x}"


HOST = _host_token()


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


# A FUSE filesystem's kernel releases a closed file asynchronously; libfuse renames a
# file unlinked before that release to .fuse_hidden* and deletes it at the release
# (fuse2fs, observed 1 removal in ~1,500). Through smbnetfs the release reaching Samba
# after the unlink makes the unlink fail with EBUSY (Samba's open-file rule; with two
# clients, 1 peer probe run in 20). A removal that fails only for that (ENOTEMPTY,
# EBUSY) is tried again, a few times within about 0.6 s.
LATE_RELEASE_RETRIES = (0.02, 0.04, 0.08, 0.16, 0.32)
LATE_RELEASE_ERRORS = (errno.ENOTEMPTY, errno.EBUSY)


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
    for pause in LATE_RELEASE_RETRIES + (None,):
        problems = []   # (text, errno or None)
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
                return ""
            except OSError as e:
                problems.append((f"sandbox {path} could not be removed: {e}", e.errno))
        if pause is None or any(err not in LATE_RELEASE_ERRORS for _text, err in problems):
            break
        time.sleep(pause)
    texts = [text for text, _err in problems]
    return "; ".join(texts[:3]) + (f" (and {len(texts) - 3} more)" if len(texts) > 3 else "")


def _empty_dir(fd, path, dev, mounts, problems):
    """Remove everything in the directory open as fd (whose path is `path`); what
    cannot be removed is appended to problems as (text, errno or None)."""
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
                problems.append((f"kept: mount point {full} inside the sandbox", None))
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
            problems.append((f"could not remove {full}: {e.strerror}", e.errno))


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
