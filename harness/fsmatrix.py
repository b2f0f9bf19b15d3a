"""python3 -m harness fsmatrix: the whole suite on several Linux filesystems at once.

For each filesystem (ext4, xfs, btrfs, tmpfs, overlay, ntfs-3g, fusefat, exfat-fuse)
it makes a small sparse image in a private temporary directory, formats it, mounts it
(loop device, kernel driver or FUSE daemon), runs the suite there with the `run`
machinery (cli.cmd_run: same probes, profiles, verdicts and results JSON), then
unmounts and removes everything. `--dir PATH` adds a directory that is already on
some filesystem (no set-up, no root needed).

Clean-up is a stack (Undo): each thing created (image, loop device, mount, FUSE
daemon) pushes its undo step at once, inside a section where SIGINT/SIGTERM are
held back, so nothing exists without its undo step; the steps run in reverse order
after each filesystem, and all of them on any error, Ctrl-C or SIGTERM. A FUSE
daemon that stops answering would leave processes stuck in the kernel for good
(uninterruptible, even by SIGKILL): a watchdog kills the daemon after --fs-deadline
seconds (3 s after an interrupt), which makes the pending calls fail and the run end.

Loop devices and mounts need root; the command says so and creates nothing without
it. Missing programs are named with the Debian package that provides them.
"""

import argparse
import contextlib
import copy
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

from harness import HarnessError, facts as factsmod, reports
from harness.facts import mounts_under
from harness.model import SUMMARY_ORDER

EXIT_FAIL, EXIT_USAGE = 1, 2
SBIN = ("/usr/local/sbin", "/usr/sbin", "/sbin")


# ----------------------------------------------------------- filesystems --

@dataclass
class FsSpec:
    """One filesystem the matrix can create. `kind`: block (kernel driver on a loop
    device), fuse (a FUSE daemon), tmpfs, overlay, dir (an existing directory)."""
    name: str                  # --fs name = the `fs` fact it shows = results fs-<name>.json
    kind: str
    size_mib: int = 64
    mkfs: tuple = ()           # argv; the image path is appended
    mount: tuple = ()          # FUSE: argv before SOURCE MNT; block: ("-t", type)
    loop: bool = True          # FUSE: mount the loop device (True) or the image file
    needs: tuple = ()          # (program, Debian package)
    path: str = ""             # kind dir: the directory
    note: str = ""             # how it is made, for the help text


MOUNT_TOOLS = (("losetup", "mount"), ("mount", "mount"), ("umount", "mount"))

FILESYSTEMS = [
    FsSpec("ext4", "block", 64, ("mkfs.ext4", "-q", "-F"), ("-t", "ext4"),
           needs=(("mkfs.ext4", "e2fsprogs"),)),
    # mkfs.xfs (xfsprogs 6.1) refuses anything under 300 MB.
    FsSpec("xfs", "block", 300, ("mkfs.xfs", "-q", "-f"), ("-t", "xfs"),
           needs=(("mkfs.xfs", "xfsprogs"),)),
    # mkfs.btrfs (btrfs-progs 6.2): "minimum size for each btrfs device is 114294784".
    FsSpec("btrfs", "block", 128, ("mkfs.btrfs", "-q", "-f"), ("-t", "btrfs"),
           needs=(("mkfs.btrfs", "btrfs-progs"),)),
    FsSpec("tmpfs", "tmpfs", 64),
    # upper and work on a tmpfs, lower an empty directory in the private temp dir
    FsSpec("overlay", "overlay", 64),
    # on a loop device, as a disk would be: mountinfo shows fuseblk /dev/loopN
    FsSpec("ntfs-3g", "fuse", 64, ("mkntfs", "-q", "-Q", "-F"), ("ntfs-3g",),
           needs=(("mkntfs", "ntfs-3g"), ("ntfs-3g", "ntfs-3g"))),
    # fusefat writes only with rw+ ("EXPERIMENTAL"). Without hard_remove it loops for
    # ever (or dies) when the kernel deletes the .fuse_hidden file of an unlinked open
    # file (observed with fusefat 0.1a, Debian 12): so hard_remove, one thread (-s).
    FsSpec("fusefat", "fuse", 64, ("mkfs.vfat",), ("fusefat", "-s", "-o", "rw+,hard_remove"),
           loop=False, needs=(("mkfs.vfat", "dosfstools"), ("fusefat", "fusefat"))),
    # mount.exfat-fuse wants a block device ("fuse: mount failed: Block device required")
    FsSpec("exfat-fuse", "fuse", 64, ("mkfs.exfat",), ("mount.exfat-fuse",),
           needs=(("mkfs.exfat", "exfatprogs"), ("mount.exfat-fuse", "exfat-fuse"))),
]
BY_NAME = {s.name: s for s in FILESYSTEMS}
ALIASES = {"ntfs": "ntfs-3g", "ntfs3g": "ntfs-3g", "fat": "fusefat", "vfat": "fusefat",
           "exfat": "exfat-fuse", "overlayfs": "overlay"}


def parse_fs_list(text):
    """--fs ext4,xfs,... -> [FsSpec]; 'all' = every one. Raises HarnessError."""
    out = []
    for raw in text.split(","):
        n = raw.strip().lower()
        if not n:
            continue
        if n == "all":
            out += [s for s in FILESYSTEMS if s not in out]
            continue
        spec = BY_NAME.get(ALIASES.get(n, n))
        if spec is None:
            raise HarnessError(f"--fs: unknown filesystem {raw.strip()!r} "
                               f"(known: {', '.join(BY_NAME)}, or all)")
        if spec not in out:
            out.append(spec)
    if not out:
        raise HarnessError("--fs: no filesystem named")
    return out


def which(program):
    path = os.environ.get("PATH", os.defpath) + os.pathsep + os.pathsep.join(SBIN)
    return shutil.which(program, path=path)


def missing_requirements(specs, which=None, exists=None):
    """One line per missing thing: 'mkfs.xfs (Debian package xfsprogs), needed for xfs'."""
    which = which or globals()["which"]
    exists = exists or os.path.exists
    lines, seen = [], {}
    for s in specs:
        if s.kind == "dir":
            continue
        uses_loop = s.kind == "block" or (s.kind == "fuse" and s.loop)
        needs = [t for t in MOUNT_TOOLS if uses_loop or t[0] != "losetup"] + list(s.needs)
        for prog, pkg in needs:
            if which(prog) is None:
                seen.setdefault((prog, f"{prog} (Debian package {pkg})"), []).append(s.name)
        if s.kind == "fuse" and not exists("/dev/fuse"):
            seen.setdefault(("/dev/fuse", "/dev/fuse (the fuse kernel module: modprobe fuse; "
                                          "in a container, pass the device in)"),
                            []).append(s.name)
        if uses_loop:
            if not exists("/dev/loop-control"):
                seen.setdefault(("loop", "/dev/loop-control (the loop kernel module: "
                                         "modprobe loop)"), []).append(s.name)
    for (_key, what), users in seen.items():
        lines.append(f"{what}, needed for {', '.join(users)}")
    return lines


# ------------------------------------------------------------- clean-up --

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


def run_cmd(argv, timeout=120, log=None):
    """Run a set-up command in its own session (a Ctrl-C on the terminal reaches
    only us); raise SetupError with its last output line when it fails. `log`: a
    file for the output instead of a pipe (a daemon would hold a pipe open)."""
    try:
        with (open(log, "wb") if log else contextlib.nullcontext(subprocess.PIPE)) as out:
            p = subprocess.run(list(argv), stdin=subprocess.DEVNULL, stdout=out,
                               stderr=subprocess.STDOUT, start_new_session=True,
                               timeout=timeout)
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


# --------------------------------------------------------------- set-up --

class Matrix:
    def __init__(self, tmp, undo, signals, log):
        self.tmp, self.undo, self.signals, self.log = tmp, undo, signals, log
        self.daemons = []      # (pid, mnt) of the FUSE daemons now mounted

    def setup(self, spec):
        """Create and mount `spec`; return the directory under test."""
        if spec.kind == "dir":
            return spec.path
        base = os.path.join(self.tmp, spec.name)
        mnt = os.path.join(base, "mnt")
        os.makedirs(mnt)
        held = self.signals.held
        if spec.kind == "tmpfs":
            with held():
                run_cmd(["mount", "-t", "tmpfs", "-o", f"size={spec.size_mib}m,mode=0755",
                         "fsconform-tmpfs", mnt])
                self.undo.push(f"unmount {mnt}", unmount, mnt)
            self.log(f"{spec.name}: tmpfs, mounted at {mnt}")
            return mnt
        if spec.kind == "overlay":
            lower, layers = os.path.join(base, "lower"), os.path.join(base, "layers")
            os.makedirs(lower)
            os.makedirs(layers)
            with held():
                run_cmd(["mount", "-t", "tmpfs", "-o", f"size={spec.size_mib}m",
                         "fsconform-overlay-layers", layers])
                self.undo.push(f"unmount {layers}", unmount, layers)
            upper, work = os.path.join(layers, "upper"), os.path.join(layers, "work")
            os.makedirs(upper)
            os.makedirs(work)
            with held():
                run_cmd(["mount", "-t", "overlay", "-o",
                         f"lowerdir={lower},upperdir={upper},workdir={work}",
                         "fsconform-overlay", mnt])
                self.undo.push(f"unmount {mnt}", unmount, mnt)
            self.log(f"{spec.name}: upper and work on tmpfs, mounted at {mnt}")
            return mnt

        image = os.path.join(base, f"{spec.name}.img")
        with open(image, "wb") as f:       # removed with the private directory
            f.truncate(spec.size_mib << 20)
        run_cmd([*spec.mkfs, image])
        source = image
        if spec.kind == "block" or spec.loop:
            with held():
                dev = run_cmd(["losetup", "--find", "--show", image]).splitlines()[-1].strip()
                self.undo.push(f"detach {dev}", detach_loop, dev, image)
            source = dev
        if spec.kind == "block":
            with held():
                run_cmd(["mount", *spec.mount, source, mnt])
                self.undo.push(f"unmount {mnt}", unmount, mnt)
        else:
            with held():
                try:
                    run_cmd([*spec.mount, source, mnt],
                            log=os.path.join(base, f"{spec.mount[0]}.log"))
                finally:
                    # the daemon may be up even when its launcher failed: undo it too
                    pid = find_daemon(mnt)
                    if pid is not None or is_mount_point(mnt):
                        self.undo.push(f"unmount {mnt} ({spec.mount[0]}, pid {pid})",
                                       stop_fuse, mnt, pid)
                        self.undo.push("forget the daemon", self.daemons.remove, (pid, mnt))
                        self.daemons.append((pid, mnt))
            if not is_mount_point(mnt):
                raise SetupError(f"{spec.mount[0]} exited 0 but {mnt} is not mounted")
        what = f"{spec.size_mib} MiB image" + (f" on {source}" if source != image else "")
        self.log(f"{spec.name}: {what}, mounted at {mnt}")
        return mnt

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


# ------------------------------------------------------------ the runs --

@dataclass
class Outcome:
    name: str
    status: str                 # ok, fail, setup (failed), error (the run could not start)
    line: str                   # the one-line summary
    profile: str = ""
    counts: dict = field(default_factory=dict)
    probes: int = 0
    fstype: str = ""
    seconds: float = 0.0
    details: list = field(default_factory=list)
    results: str = ""


def counts_text(counts):
    return ", ".join(f"{counts[v]} {v}" for v in SUMMARY_ORDER if counts.get(v)) or "nothing run"


def run_suite(ctx, args, spec, target, cmd_run):
    """The `run` subcommand on `target`, its results in BUILD/results/fs-<name>.json;
    returns (exit status, captured text, path of the results)."""
    results = os.path.join(ctx.results_dir, f"fs-{spec.name}.json")
    ns = argparse.Namespace(**vars(args))
    ns.target, ns.results, ns.junit = target, results, None
    sub = copy.copy(ctx)
    sub.args = ns
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = cmd_run(sub, ns)
    return rc, buf.getvalue(), results


def run_one(ctx, args, spec, matrix, cmd_run, width):
    t0 = time.monotonic()
    mark = matrix.undo.mark()
    dog = None
    try:
        try:
            target = matrix.setup(spec)
        except (SetupError, OSError) as e:
            return Outcome(spec.name, "setup", f"{spec.name:<{width}}  set-up failed: {e}",
                           seconds=time.monotonic() - t0)
        if matrix.daemons:
            why = [f"{spec.name}: the run took over {args.fs_deadline:g} s"]

            def interrupted(_signum):
                why[0] = f"{spec.name}: still running 3 s after the interrupt"
                dog.expire_soon(3)
            dog = Watchdog(args.fs_deadline, lambda: matrix.kill_daemons(why[0]))
            matrix.signals.on_signal = interrupted
        try:
            rc, text, path = run_suite(ctx, args, spec, target, cmd_run)
        except (HarnessError, OSError) as e:
            return Outcome(spec.name, "error", f"{spec.name:<{width}}  not run: {e}",
                           seconds=time.monotonic() - t0)
    finally:
        if dog:
            dog.cancel()
        matrix.signals.on_signal = None
        with matrix.signals.cleaning_up():
            problems = matrix.undo.unwind(mark)
    run = reports.read_json(path)
    counts = run.counts()
    fstype = run.facts.get("fstype") or run.facts.get("fs", "")
    shown = spec.name if spec.kind != "dir" else f"{spec.name} ({spec.path})"
    line = (f"{shown:<{width}}  {'(profile ' + run.profile + ')':<26}  {len(run.results)} probes: "
            f"{counts_text(counts)}")
    if run.facts.get("fs") != spec.name and spec.kind != "dir":
        line += f"  [fs fact is {run.facts.get('fs')!r}, expected {spec.name!r}]"
    details = [x for x in text.splitlines() if not x.startswith(("platform: ", "SKIP "))
               and not x.startswith(f"{len(run.results)} probe")]
    status = "ok" if rc == 0 and run.ok() and not problems else "fail"
    details += problems
    return Outcome(spec.name, status, line, run.profile, counts, len(run.results), fstype,
                   time.monotonic() - t0, details, path)


def table(outcomes):
    rows = [("filesystem", "kernel type", "profile", "probes", "result", "s")]
    for o in outcomes:
        if o.status in ("setup", "error"):
            rows.append((o.name, "-", "-", "-", "SET-UP FAILED" if o.status == "setup"
                         else "NOT RUN", f"{o.seconds:.1f}"))
        else:
            rows.append((o.name, o.fstype, o.profile, str(o.probes),
                         counts_text(o.counts), f"{o.seconds:.1f}"))
    w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip() for r in rows]


# ------------------------------------------------------------ the command --

def add_parser(sub, common):
    from harness.cli import _positive_float, _positive_int
    s = sub.add_parser(
        "fsmatrix", parents=[common],
        help="the suite on ext4, xfs, btrfs, tmpfs, overlay, ntfs-3g, fusefat, exfat-fuse "
             "(root: loop images and mounts, all removed afterwards)",
        description="Create a small image of each filesystem in a private temporary "
                    "directory, mount it, run the suite there, unmount and delete it. "
                    "Results: BUILD/results/fs-<name>.json. Needs root (loop devices, "
                    "mounts); --dir alone does not.")
    s.add_argument("patterns", nargs="*", metavar="PATTERN", help="id glob or area name")
    s.add_argument("--fs", metavar="LIST", default=None,
                   help=f"comma-separated: {', '.join(BY_NAME)} or all "
                        f"(default: all, or none when only --dir is given)")
    s.add_argument("--dir", metavar="PATH", action="append", default=[],
                   help="also run in this existing directory (repeatable)")
    s.add_argument("-j", "--jobs", type=_positive_int, default=os.cpu_count() or 1)
    s.add_argument("--timeout", type=_positive_float, default=10.0, metavar="S",
                   help="seconds per probe run (default 10)")
    s.add_argument("--repeat", type=_positive_int, default=1, metavar="N",
                   help="run everything N times; observations that change are 'flaky'")
    s.add_argument("--fs-deadline", type=_positive_float, default=120.0, metavar="S",
                   help="kill a FUSE filesystem's daemon if its run takes longer "
                        "(a hung daemon would block the run for ever; default 120)")


def _dir_specs(paths, taken=()):
    """FsSpecs for --dir paths, named by their `fs` fact (xfs, xfs-2 for a second)."""
    specs, used = [], set(taken)
    for p in paths:
        path = os.path.abspath(p)
        factsmod.check_target(path)
        name = factsmod.fs_type(path)
        n, i = name, 2
        while n in used:
            n, i = f"{name}-{i}", i + 1
        used.add(n)
        specs.append(FsSpec(n, "dir", path=path))
    return specs


def command(ctx, args):
    from harness.cli import cmd_run
    if args.fs is not None:
        specs = parse_fs_list(args.fs)
    else:
        specs = [] if args.dir else list(FILESYSTEMS)
    if specs and not factsmod.is_root():
        print("fsconform: fsmatrix needs root: it makes loop devices and mounts "
              "filesystems (run it with sudo, or use --dir DIR alone for directories "
              "that are already mounted)", file=sys.stderr)
        return EXIT_USAGE
    missing = missing_requirements(specs)
    if missing:
        print("fsconform: fsmatrix: missing:", file=sys.stderr)
        for m in missing:
            print(f"    {m}", file=sys.stderr)
        avail = [s.name for s in specs if not missing_requirements([s])]
        if avail:
            print(f"install them, or choose the others: --fs {','.join(avail)}",
                  file=sys.stderr)
        return EXIT_USAGE
    specs += _dir_specs(args.dir, [s.name for s in specs])
    width = max(len(s.name if s.kind != "dir" else f"{s.name} ({s.path})") for s in specs)

    log = lambda msg: print(f"fsmatrix: {msg}", file=sys.stderr, flush=True)  # noqa: E731
    signals = Signals()
    undo = Undo(log)
    outcomes = []
    t0 = time.monotonic()
    signals.install()
    interrupted, problems = None, []
    try:
        with signals.held():
            tmp = tempfile.mkdtemp(prefix="fsconform-fsmatrix-")
            undo.push(f"remove {tmp}", remove_private_dir, tmp)
        matrix = Matrix(tmp, undo, signals, log)
        for spec in specs:
            o = run_one(ctx, args, spec, matrix, cmd_run, width)
            outcomes.append(o)
            print(o.line, flush=True)
            for d in o.details:
                print("    " + d if d else "", flush=True)
    except Interrupted as e:
        interrupted = e
    finally:
        signals.cleaning = True      # from here on a signal is only noted
        problems = undo.unwind()
        signals.restore()
    if interrupted:
        name = signal.Signals(interrupted.signum).name
        log(f"interrupted by {name}; " + ("everything it created is removed" if not problems
                                          else "clean-up incomplete (see above)"))
        return 128 + interrupted.signum
    elapsed = time.monotonic() - t0
    print()
    for row in table(outcomes):
        print(row)
    bad = [o.name for o in outcomes if o.status != "ok"] + (["clean-up"] if problems else [])
    print(f"{len(outcomes)} filesystem{'s' if len(outcomes) != 1 else ''} in {elapsed:.1f} s: "
          + (f"not passing: {', '.join(bad)}" if bad else "all pass")
          + f"; results in {os.path.join(ctx.results_dir, 'fs-<name>.json')}")
    return EXIT_FAIL if bad else 0


def remove_private_dir(tmp):
    """Remove our temporary directory, but never through a mount still in it."""
    left = mounts_under(tmp)
    if left:
        raise SetupError(f"not removing {tmp}: still mounted: {', '.join(left)}")
    shutil.rmtree(tmp)
