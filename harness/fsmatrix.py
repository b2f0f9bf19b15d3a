"""python3 -m harness fsmatrix: the whole suite on several Linux filesystems at once.

For each filesystem (the recipes in harness/fsrecipes.py: kernel ext4, xfs, btrfs,
tmpfs, overlay; FUSE ntfs-3g, fusefat, exfat-fuse, fuse2fs, bindfs, mergerfs,
gocryptfs, sshfs with its own sshd, rclone) it makes the filesystem in a private temporary directory
(harness/fssetup.py), runs the suite there with the `run` machinery (the cli's
cmd_run, passed in: same probes, profiles, verdicts and results JSON), then unmounts and
removes everything. `--dir PATH` adds a directory that is already on some filesystem
(no set-up, no root needed).

Loop devices and mounts need root; the command says so and creates nothing without
it. Missing programs are named with the Debian package that provides them.
"""

import argparse
import contextlib
import copy
import io
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field

from harness import HarnessError, discovery, facts as factsmod, reports
from harness.argtypes import positive_float, positive_int
from harness.fsrecipes import BY_NAME, FILESYSTEMS, FsSpec, missing_requirements, parse_fs_list
from harness.fssetup import Interrupted, Matrix, SetupError, Signals, Undo, Watchdog, \
    remove_private_dir
from harness.model import SUMMARY_ORDER

EXIT_FAIL, EXIT_USAGE = 1, 2


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


def run_suite(ctx, args, spec, target, cmd_run, peer=""):
    """The `run` subcommand on `target` (with `peer`, its second mount, if any), its
    results in BUILD/results/fs-<name>.json; returns (exit status, captured text,
    path of the results)."""
    results = os.path.join(ctx.results_dir, f"fs-{spec.name}.json")
    ns = argparse.Namespace(**vars(args))
    ns.target, ns.results, ns.junit = target, results, None
    ns.peer = peer or None
    ns.no_landlock = bool(spec.no_landlock)
    if spec.profile and getattr(args, "profile", None) is None:
        ns.profile = spec.profile
    if spec.exclude:
        left_out = {p for p, _why in spec.exclude}
        ns.patterns = [p.id for p in discovery.select(ctx.manifest.probes, args.patterns)
                       if p.id not in left_out]
        if not ns.patterns:
            raise HarnessError("every probe selected is left out on this filesystem")
    sub = copy.copy(ctx)
    sub.args = ns
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), _no_inode_check(not spec.inodes):
        rc = cmd_run(sub, ns)
    return rc, buf.getvalue(), results


@contextlib.contextmanager
def _no_inode_check(on):
    """The run's free-space check off, for a filesystem that reports no free inodes
    however many it can create."""
    saved = os.environ.get("FSCONFORM_MIN_FREE_MIB")
    if on:
        os.environ["FSCONFORM_MIN_FREE_MIB"] = "0"
    try:
        yield
    finally:
        if on:
            if saved is None:
                del os.environ["FSCONFORM_MIN_FREE_MIB"]
            else:
                os.environ["FSCONFORM_MIN_FREE_MIB"] = saved


def run_one(ctx, args, spec, matrix, cmd_run, width):
    t0 = time.monotonic()
    mark = matrix.undo.mark()
    dog = None
    try:
        try:
            target, peer = matrix.setup(spec)
        except (SetupError, OSError) as e:
            return Outcome(spec.name, "setup", f"{spec.name:<{width}}  set-up failed: {e}",
                           seconds=time.monotonic() - t0)
        if matrix.daemons:
            limit = args.fs_deadline * args.repeat   # --repeat N: N passes over the suite
            why = [f"{spec.name}: the run took over {limit:g} s"]

            def interrupted(_signum):
                why[0] = f"{spec.name}: still running 3 s after the interrupt"
                dog.expire_soon(3)
            dog = Watchdog(limit, lambda: matrix.kill_daemons(why[0]))
            matrix.signals.on_signal = interrupted
        try:
            rc, text, path = run_suite(ctx, args, spec, target, cmd_run, peer)
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
    if run.facts.get("fs") != (spec.fs or spec.name) and spec.kind != "dir":
        line += f"  [fs fact is {run.facts.get('fs')!r}, expected {spec.fs or spec.name!r}]"
    details = [x for x in text.splitlines() if not x.startswith(("platform: ", "SKIP "))
               and not x.startswith(f"{len(run.results)} probe")]
    details += [f"LEFT OUT {p}: {why}" for p, why in spec.exclude]
    details += [f"NO LANDLOCK: {spec.no_landlock}"] if spec.no_landlock else []
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
    s = sub.add_parser(
        "fsmatrix", parents=[common],
        help=f"the suite on {', '.join(BY_NAME)} "
             "(root: loop images and mounts, all removed afterwards)",
        description="Create each filesystem (a small image, or directories under a FUSE "
                    "layer) in a private temporary "
                    "directory, mount it, run the suite there, unmount and delete it. "
                    "Results: BUILD/results/fs-<name>.json. Needs root (loop devices, "
                    "mounts); --dir alone does not.")
    s.add_argument("patterns", nargs="*", metavar="PATTERN", help="id glob or area name")
    s.add_argument("--fs", metavar="LIST", default=None,
                   help=f"comma-separated: {', '.join(BY_NAME)} or all "
                        f"(default: all, or none when only --dir is given)")
    s.add_argument("--dir", metavar="PATH", action="append", default=[],
                   help="also run in this existing directory (repeatable)")
    s.add_argument("-j", "--jobs", type=positive_int, default=os.cpu_count() or 1)
    s.add_argument("--timeout", type=positive_float, default=10.0, metavar="S",
                   help="seconds per probe run (default 10)")
    s.add_argument("--repeat", type=positive_int, default=1, metavar="N",
                   help="run everything N times; observations that change are 'flaky'")
    s.add_argument("--fs-deadline", type=positive_float, default=120.0, metavar="S",
                   help="kill a FUSE filesystem's daemon if its run takes longer, per "
                        "--repeat pass (a hung daemon would block the run for ever; "
                        "default 120)")


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


def command(ctx, args, cmd_run):
    """`cmd_run(ctx, args)`: the run subcommand, used for each filesystem."""
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


