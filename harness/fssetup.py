"""Making and removing fsmatrix's filesystems, safely: the undo stack, signal holding,
set-up commands, unmounting, loop devices, FUSE daemons and the watchdog for a hung one.

Clean-up is a stack (Undo): each thing created (image, loop device, mount, FUSE
daemon) pushes its undo step at once, inside a section where SIGINT/SIGTERM are
held back, so nothing exists without its undo step; the steps run in reverse order
after each filesystem, and all of them on any error, Ctrl-C or SIGTERM. A FUSE
daemon that stops answering would leave processes stuck in the kernel for good
(uninterruptible, even by SIGKILL): a watchdog kills the daemon after --fs-deadline
seconds (3 s after an interrupt), which makes the pending calls fail and the run end.
A recipe's server and client can share a network namespace holding only lo (Samba):
a process keeps it, and its undo step ends every process in it, so it goes with them.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

from harness import facts as factsmod
from harness.facts import mounts_under


class Undo:
    """A stack of undo steps, run in reverse order. A step that fails is reported
    and the others still run."""

    def __init__(self, log=None):
        self.steps = []
        self.log = log or (lambda msg: print(f"fsmatrix: {msg}", file=sys.stderr))

    def push(self, what, fn, *args):
        self.steps.append((what, fn, args))

    def mark(self):
        return len(self.steps)

    def unwind(self, mark=0):
        """Run the steps above `mark`, newest first; return the problems (strings)."""
        problems = []
        while len(self.steps) > mark:
            what, fn, args = self.steps.pop()
            try:
                fn(*args)
            except Exception as e:   # keep undoing the rest
                msg = f"clean-up: {what}: {e}"
                problems.append(msg)
                self.log(msg)
        return problems


class Interrupted(KeyboardInterrupt):
    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


class Signals:
    """SIGINT/SIGTERM/SIGHUP become Interrupted(signum), except inside `held()`
    (create + push its undo step) where they wait until the section ends, and during
    clean-up, where they are noted and ignored."""

    SIGNALS = tuple(s for s in (getattr(signal, n, None) for n in ("SIGINT", "SIGTERM", "SIGHUP"))
                    if s is not None)

    def __init__(self, on_signal=None):
        self.depth, self.pending, self.cleaning = 0, None, False
        self.on_signal = on_signal
        self.saved = {}

    def install(self):
        if threading.current_thread() is not threading.main_thread():
            return
        for s in self.SIGNALS:
            self.saved[s] = signal.signal(s, self._handler)

    def restore(self):
        for s, h in self.saved.items():
            signal.signal(s, h)
        self.saved = {}

    def _handler(self, signum, _frame):
        if self.cleaning:
            self.pending = self.pending or signum
            print(f"fsmatrix: {signal.Signals(signum).name}: cleaning up, please wait",
                  file=sys.stderr)
            return
        if self.on_signal:
            self.on_signal(signum)
        if self.depth:
            self.pending = self.pending or signum
            return
        raise Interrupted(signum)

    @contextlib.contextmanager
    def cleaning_up(self):
        """Signals are noted, not raised, until the clean-up is over; then raised."""
        self.cleaning = True
        try:
            yield
        finally:
            self.cleaning = False
            if self.pending and not self.depth:
                s, self.pending = self.pending, None
                raise Interrupted(s)

    @contextlib.contextmanager
    def held(self):
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.pending and not self.cleaning:
                s, self.pending = self.pending, None
                raise Interrupted(s)


# ------------------------------------------------------- system actions --

class SetupError(Exception):
    pass


def run_cmd(argv, timeout=120, log=None, env=None):
    """Run a set-up command in its own session (a Ctrl-C on the terminal reaches
    only us); raise SetupError with its last output line when it fails. `log`: a
    file for the output instead of a pipe (a daemon would hold a pipe open)."""
    try:
        with (open(log, "wb") if log else contextlib.nullcontext(subprocess.PIPE)) as out:
            p = subprocess.run(list(argv), stdin=subprocess.DEVNULL, stdout=out,
                               stderr=subprocess.STDOUT, start_new_session=True,
                               timeout=timeout, env=env)
        if log:
            with open(log, "rb") as f:
                p.stdout = f.read()
    except FileNotFoundError:
        raise SetupError(f"{argv[0]}: not found") from None
    except subprocess.TimeoutExpired:
        raise SetupError(f"{argv[0]}: no exit after {timeout} s") from None
    out = p.stdout.decode("utf-8", "replace").strip()
    if p.returncode != 0:
        last = out.splitlines()[-1] if out else ""
        raise SetupError(f"{' '.join(argv)}: exit status {p.returncode}"
                         + (f": {last}" if last else ""))
    return out


def mount_point_of(path, mountinfo="/proc/self/mountinfo"):
    m = factsmod.linux_mount(path, mountinfo)
    return m[0] if m else None


def is_mount_point(path):
    return mount_point_of(path) == os.path.realpath(path)


def unmount(mnt, sleep=time.sleep):
    """umount, retried while busy; then a lazy umount (detached at once, freed when
    the last user goes)."""
    if not is_mount_point(mnt):
        return
    last = None
    for delay in (0, 0.1, 0.3, 1.0):
        sleep(delay)
        try:
            run_cmd(["umount", mnt], timeout=60)
            return
        except SetupError as e:
            last = e
        if not is_mount_point(mnt):
            return
    run_cmd(["umount", "-l", mnt], timeout=60)
    if is_mount_point(mnt):
        raise SetupError(f"{mnt} is still mounted ({last})")


def loop_backing(dev):
    name = os.path.basename(dev)
    try:
        with open(f"/sys/block/{name}/loop/backing_file") as f:
            return f.read().strip()
    except OSError:
        return None


def detach_loop(dev, image):
    """losetup -d, only if `dev` still serves our image (never someone else's)."""
    backing = loop_backing(dev)
    if backing is None:
        return   # already gone
    if os.path.realpath(backing.removesuffix(" (deleted)")) != os.path.realpath(image):
        return
    run_cmd(["losetup", "-d", dev], timeout=60)


def _cmdline(pid, proc="/proc"):
    try:
        with open(f"{proc}/{pid}/cmdline", "rb") as f:
            return [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return []


def _state(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def find_daemon(mnt, proc="/proc"):
    """The pid of the (daemonised) FUSE process serving `mnt`: the process whose
    arguments name that mount point, which is in our private directory."""
    mine = os.getpid()
    for d in os.listdir(proc):
        if d.isdigit() and int(d) != mine and mnt in _cmdline(d, proc):
            return int(d)
    return None


def alive(pid, mnt):
    """The process is still our daemon (not exited, not a zombie, pid not reused)."""
    return _state(pid) not in (None, "Z", "X") and mnt in _cmdline(pid)


def stop_fuse(mnt, pid, sleep=time.sleep):
    """Unmount a FUSE mount and see its daemon end; kill it if it does not."""
    problem = None
    try:
        unmount(mnt, sleep)
    except SetupError as e:
        problem = e
    if pid is not None:
        for _ in range(50):
            if not alive(pid, mnt):
                break
            sleep(0.1)
        else:
            kill_daemon(pid, mnt)
    if problem:
        raise problem


def kill_daemon(pid, mnt):
    if pid is not None and alive(pid, mnt):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# -------------------------------------------------------------- servers --

SERVER_DEADLINE = 20.0


def free_port():
    """A TCP port free on 127.0.0.1 now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_until_ready(proc, log, ready, flag):
    """Copy the server's output to `log`; append to `flag` and notify once a line
    holds `ready` (flag is a list guarded by READY, a Condition)."""
    with open(log, "wb") as f, contextlib.suppress(ValueError, OSError):
        # stop_server closes the pipe when the server is gone; a process the server
        # left holding the pipe's other end keeps this loop reading until then
        for line in proc.stdout:
            f.write(line)
            f.flush()
            if not flag and ready.encode() in line:
                with READY:
                    flag.append(True)
                    READY.notify_all()
    with READY:
        flag.append(False)      # output ended: the server is gone
        READY.notify_all()


READY = threading.Condition()


def wait_ready(flag, deadline):
    """Whether copy_until_ready saw the line within `deadline` seconds."""
    with READY:
        READY.wait_for(lambda: flag, timeout=deadline)
        return bool(flag) and flag[0]


def stop_server(proc):
    """SIGTERM to the server's session, SIGKILL if it is still there after 5 s."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
    proc.stdout.close()


# ---------------------------------------------------- network namespace --

def program(argv):
    """The program an argv runs: after `nsenter ... --`, the command it enters with."""
    return argv[argv.index("--") + 1] if argv[0] == "nsenter" else argv[0]


NETNS_READY = "fsconform: lo up"


def net_ns(pid, proc="/proc"):
    """(device, inode) of the network namespace of `pid`, None if it is gone."""
    try:
        st = os.stat(f"{proc}/{pid}/ns/net")
    except OSError:
        return None
    return st.st_dev, st.st_ino


def pids_in_net_ns(ns, proc="/proc"):
    return [int(d) for d in os.listdir(proc) if d.isdigit() and net_ns(d, proc) == ns]


def stop_net_ns(holder, ns, sleep=time.sleep):
    """End every process in the namespace (SIGTERM, SIGKILL after 5 s), the holder
    with them: the namespace goes with its last process. Raise if one survives."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids_in_net_ns(ns):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        for _ in range(50):
            if not pids_in_net_ns(ns):
                break
            sleep(0.1)
    holder.stdin.close()
    holder.wait(5)
    holder.stdout.close()
    left = pids_in_net_ns(ns)
    if left:
        raise SetupError(f"processes still in the network namespace: {left}")


# --------------------------------------------------------------- set-up --

class Matrix:
    def __init__(self, tmp, undo, signals, log):
        self.tmp, self.undo, self.signals, self.log = tmp, undo, signals, log
        self.daemons = []      # (pid, mnt) of the FUSE daemons now mounted
        self.where = {}        # the templates' values of the filesystem being set up

    def setup(self, spec):
        """Create and mount `spec`; return (the directory under test, the same
        directory through a second mount or "")."""
        if spec.kind == "dir":
            return spec.path, ""
        base = os.path.join(self.tmp, spec.name)
        mnt = self._mount(spec, base)
        if spec.clients < 2:
            return mnt, ""
        peer = os.path.join(base, "peer")
        os.makedirs(peer)
        if spec.kind == "fuse":
            where = dict(self.where, mnt=peer, client="2")
            env = {**os.environ, **{k: v.format(**where) for k, v in spec.env}}
            argv = [a.format(**where) for a in (*spec.mount, *spec.peer_args)]
            self._fuse(spec, argv, base, peer, env, "-2")
            self.log(f"{spec.name}: second client mounted at {peer}")
        else:
            with self.signals.held():
                run_cmd(["mount", "--bind", mnt, peer])
                self.undo.push(f"unmount {peer}", unmount, peer)
            self.log(f"{spec.name}: bind-mounted at {peer} as the peer")
        return mnt, os.path.join(peer, spec.subdir) if spec.subdir else peer

    def _mount(self, spec, base):
        mnt = os.path.join(base, "mnt")
        os.makedirs(mnt)
        if spec.kind == "tmpfs":
            self._tmpfs(mnt, spec.size_mib, "fsconform-tmpfs", "mode=0755")
            self.log(f"{spec.name}: tmpfs, mounted at {mnt}")
            return mnt
        if spec.kind == "overlay":
            lower, layers = os.path.join(base, "lower"), os.path.join(base, "layers")
            os.makedirs(lower)
            self._tmpfs(layers, spec.size_mib, "fsconform-overlay-layers")
            upper, work = os.path.join(layers, "upper"), os.path.join(layers, "work")
            os.makedirs(upper)
            os.makedirs(work)
            with self.signals.held():
                run_cmd(["mount", "-t", "overlay", "-o",
                         f"lowerdir={lower},upperdir={upper},workdir={work}",
                         "fsconform-overlay", mnt])
                self.undo.push(f"unmount {mnt}", unmount, mnt)
            self.log(f"{spec.name}: upper and work on tmpfs, mounted at {mnt}")
            return mnt
        where = {"mnt": mnt, "back": os.path.join(base, "back"), "port": free_port(),
                 "client": "1"}
        self.where = where
        if spec.mkfs:
            image = os.path.join(base, f"{spec.name}.img")
            with open(image, "wb") as f:       # removed with the private directory
                f.truncate(spec.size_mib << 20)
            run_cmd([*spec.mkfs, image])
            where["source"] = image
            if spec.kind == "block" or spec.loop:
                with self.signals.held():
                    dev = run_cmd(["losetup", "--find", "--show", image]).splitlines()[-1].strip()
                    self.undo.push(f"detach {dev}", detach_loop, dev, image)
                where["source"] = dev
            what = f"{spec.size_mib} MiB image" + (f" on {dev}" if where["source"] != image
                                                   else "")
        else:
            self._tmpfs(where["back"], spec.size_mib, f"fsconform-{spec.name}-back")
            for d in spec.back:
                os.makedirs(os.path.join(where["back"], d))
            if spec.netns:
                where["netns"] = self._net_ns(base)
            for name, text in spec.files:
                with open(os.path.join(where["back"], name), "w") as f:
                    f.write(text.format(**where))
            for step in spec.prepare:
                run_cmd([a.format(**where) for a in step],
                        log=os.path.join(base, f"{step[0]}-prepare.log"))
            what = f"over {', '.join(spec.back)} on a {spec.size_mib} MiB tmpfs"
            if spec.server:
                self._server(spec, [a.format(**where) for a in spec.server], base)
                what += f", served by {program(spec.server)} on 127.0.0.1" + (
                    " in a network namespace holding only lo" if spec.netns
                    else f":{where['port']}")
        if spec.kind == "block":
            with self.signals.held():
                run_cmd(["mount", *spec.mount, where["source"], mnt])
                self.undo.push(f"unmount {mnt}", unmount, mnt)
        else:
            env = {**os.environ, **{k: v.format(**where) for k, v in spec.env}}
            self._fuse(spec, [a.format(**where) for a in spec.mount], base, mnt, env)
        if spec.subdir:
            what += f", under test: {spec.subdir}"
        self.log(f"{spec.name}: {what}, mounted at {mnt}")
        return os.path.join(mnt, spec.subdir) if spec.subdir else mnt

    def _net_ns(self, base):
        """A network namespace holding only lo (up), kept by a process that lives until
        its stdin closes (or we die); returns the path other processes enter it by."""
        log = os.path.join(base, "netns.log")
        with self.signals.held():
            holder = subprocess.Popen(
                ["unshare", "--net", "--", "sh", "-c",
                 f"ip link set lo up && echo '{NETNS_READY}' && exec cat"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                start_new_session=True)
            ns = []     # known once the holder is in it
            self.undo.push(f"remove the network namespace of pid {holder.pid}",
                           lambda: stop_net_ns(holder, ns[0]) if ns else stop_server(holder))
        ready = []
        threading.Thread(target=copy_until_ready, args=(holder, log, NETNS_READY, ready),
                         daemon=True).start()
        if not wait_ready(ready, SERVER_DEADLINE):
            raise SetupError(f"no network namespace within {SERVER_DEADLINE:g} s (see {log})")
        ns.append(net_ns(holder.pid))
        return f"/proc/{holder.pid}/ns/net"

    def _server(self, spec, argv, base):
        """Start a server in the foreground (its own session), with its output to
        base/<name>.log, and wait until it prints spec.ready; the directories it
        needs in /run are made (and removed afterwards) when missing."""
        for d in spec.rundirs:
            if not os.path.isdir(d):
                with self.signals.held():
                    os.mkdir(d, 0o755)
                    self.undo.push(f"remove {d}", os.rmdir, d)
        log = os.path.join(base, f"{os.path.basename(program(argv))}.log")
        with self.signals.held():
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, start_new_session=True)
            self.undo.push(f"stop {argv[0]} (pid {proc.pid})", stop_server, proc)
        ready = []
        threading.Thread(target=copy_until_ready, args=(proc, log, spec.ready, ready),
                         daemon=True).start()
        if not wait_ready(ready, SERVER_DEADLINE):
            raise SetupError(f"{argv[0]} did not say {spec.ready!r} within {SERVER_DEADLINE:g} s "
                             f"(see {log})")

    def _tmpfs(self, path, size_mib, source, options=""):
        os.makedirs(path, exist_ok=True)
        with self.signals.held():
            run_cmd(["mount", "-t", "tmpfs", "-o", f"size={size_mib}m"
                     + (f",{options}" if options else ""), source, path])
            self.undo.push(f"unmount {path}", unmount, path)

    def _fuse(self, spec, argv, base, mnt, env, suffix=""):
        with self.signals.held():
            try:
                run_cmd(argv, log=os.path.join(base, f"{program(argv)}{suffix}.log"), env=env)
            finally:
                # the daemon may be up even when its launcher failed: undo it too
                pid = find_daemon(mnt)
                if pid is not None or is_mount_point(mnt):
                    self.undo.push(f"unmount {mnt} ({argv[0]}, pid {pid})",
                                   stop_fuse, mnt, pid)
                    self.undo.push("forget the daemon", self.daemons.remove, (pid, mnt))
                    self.daemons.append((pid, mnt))
        if not is_mount_point(mnt):
            raise SetupError(f"{argv[0]} exited 0 but {mnt} is not mounted")

    def kill_daemons(self, why):
        for pid, mnt in list(self.daemons):
            if pid is not None and alive(pid, mnt):
                self.log(f"{why}: killing the FUSE daemon (pid {pid}) of {mnt} so that "
                         f"calls stuck in it fail and the run can end")
                kill_daemon(pid, mnt)


class Watchdog:
    """Calls fire() once `seconds` pass, unless cancelled; expire_soon() shortens it."""

    def __init__(self, seconds, fire):
        self.fire, self.lock = fire, threading.Lock()
        self.deadline = time.monotonic() + seconds
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._wait, daemon=True)
        self.thread.start()

    def _wait(self):
        while not self.done.wait(max(0.0, min(0.5, self.deadline - time.monotonic()))):
            if time.monotonic() >= self.deadline:
                self.fire()
                return

    def expire_soon(self, seconds):
        with self.lock:
            self.deadline = min(self.deadline, time.monotonic() + seconds)

    def cancel(self):
        self.done.set()


def remove_private_dir(tmp):
    """Remove our temporary directory, but never through a mount still in it."""
    left = mounts_under(tmp)
    if left:
        raise SetupError(f"not removing {tmp}: still mounted: {', '.join(left)}")
    shutil.rmtree(tmp)
