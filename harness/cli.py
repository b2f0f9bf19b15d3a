"""python3 -m harness <subcommand>: list, run, check, show, bench, report, diff, record,
fsmatrix."""

import argparse
import contextlib
import datetime
import os
import signal
import sys
import threading
import time

from harness import HarnessError, __version__
from harness import compare, discovery, facts as factsmod, profiles as profmod, reports
from harness.model import FAILING, Run, severity
from harness.printable import escape
from harness.runner import Runner, safe
from harness import diff as diffmod, fsmatrix, matrix, record
from harness.argtypes import positive_float, positive_int
from harness.fssetup import Interrupted

EXIT_FAIL, EXIT_USAGE, EXIT_SKIP = 1, 2, 77


# ------------------------------------------------------------ arguments --

class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error (subcommands inherit it)."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"fsconform: {message} (see: {self.prog} --help)\n")


def _parser():
    common = _Parser(add_help=False)
    g = common.add_argument_group("global options")
    g.add_argument("--build", metavar="DIR", default=argparse.SUPPRESS,
                   help="build directory holding fsconform.json (default: build/)")
    g.add_argument("--target", metavar="DIR", default=argparse.SUPPRESS,
                   help="directory under test (default: $FSCONFORM_TARGET, else BUILD/target)")
    g.add_argument("--profile", metavar="NAME", default=argparse.SUPPRESS,
                   help="expectation profile to compare with (default: chosen from the "
                        "platform facts; 'none' = no expectations)")

    p = _Parser(prog="python3 -m harness", parents=[common],
                                description="fsconform: run file-semantics probes and "
                                            "compare them with expected/*.toml")
    p.add_argument("--version", action="version", version=f"fsconform harness {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("list", parents=[common], help="list probes")
    s.add_argument("patterns", nargs="*", metavar="PATTERN", help="id glob or area name")

    s = sub.add_parser("run", parents=[common], help="run probes and compare")
    s.add_argument("patterns", nargs="*", metavar="PATTERN", help="id glob or area name")
    s.add_argument("-j", "--jobs", type=positive_int, default=os.cpu_count() or 1)
    s.add_argument("--timeout", type=positive_float, default=10.0, metavar="S",
                   help="seconds per probe run (default 10)")
    s.add_argument("--results", metavar="FILE.json",
                   help="also write the results here (BUILD/results/latest.json always)")
    s.add_argument("--junit", metavar="FILE.xml", help="write JUnit XML")
    s.add_argument("--repeat", type=positive_int, default=1, metavar="N",
                   help="run everything N times; observations that change are 'flaky'")
    s.add_argument("--peer", metavar="DIR",
                   help="the target seen through a second mount (a second client of the "
                        "same share): probes that need one (Needs: peer) get their "
                        "sandbox there too")
    s.add_argument("--provisional-ok", action="store_true",
                   help="differences from a provisional profile (fail, missing, new) do not "
                        "fail the run; a probe that broke still does (CI on a platform whose "
                        "profile was written from documentation)")

    s = sub.add_parser("check", parents=[common], help="run one probe (what CTest calls)")
    s.add_argument("id")
    s.add_argument("--timeout", type=positive_float, default=10.0, metavar="S")

    s = sub.add_parser("show", parents=[common],
                       help="a probe's documentation, expectations and last result")
    s.add_argument("id")

    s = sub.add_parser("bench", parents=[common],
                       help="suite wall time against bare starts of the same executables")
    s.add_argument("-j", "--jobs", type=positive_int, default=os.cpu_count() or 1)
    s.add_argument("--runs", type=positive_int, default=5)
    s.add_argument("--timeout", type=positive_float, default=10.0, metavar="S")
    for mod in (matrix, diffmod, record):   # report, diff, record
        mod.add_parser(sub, common)
    fsmatrix.add_parser(sub, common)
    return p


# -------------------------------------------------------------- context --

class Context:
    """What every subcommand needs, computed on demand."""

    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(getattr(args, "build", None) or "build")
        self.manifest = discovery.load_manifest(self.build)
        self.results_dir = os.path.join(self.build, "results")
        self._session = contextlib.ExitStack()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._session.close()

    def facts(self, target):
        """The platform facts. Through an emulator its session (Wine's) runs from here
        to the end of the command."""
        self._session.enter_context(factsmod.emulator_session(self.manifest.emulator))
        facts = factsmod.detect(target, self.manifest)
        warning = factsmod.wine_as_root(facts)
        if warning:
            print(f"fsconform: {warning}", file=sys.stderr)
        return facts

    def target(self):
        t = getattr(self.args, "target", None) or os.environ.get("FSCONFORM_TARGET")
        if t:
            t = os.path.abspath(t)
        else:
            t = os.path.join(self.build, "target")
            os.makedirs(t, exist_ok=True)
        factsmod.check_target(t)
        return t

    def profiles(self):
        known = set(p.id for p in self.manifest.probes)
        known |= discovery.source_ids(self.manifest.source_dir)
        return profmod.load_all_cached(os.path.join(self.manifest.source_dir, "expected"),
                                       known, os.path.join(self.build, "profiles.pickle"))

    def profile(self, facts):
        name = getattr(self.args, "profile", None)
        if name == "none":
            return profmod.Profile(name="none", path="", status="provisional", resolved={})
        return profmod.choose(self.profiles(), facts, name)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _judge_work(runner, profile):
    def work(probe):
        raw = runner.run(probe)
        return compare.judge(probe, profile.expectations(probe.id),
                             exit_status=raw.exit_status, timed_out=raw.timed_out,
                             stdout=raw.stdout, stderr=raw.stderr, duration=raw.duration,
                             note=raw.note)
    return safe(work, compare.harness_error)


def _runner(ctx, args, target, probes):
    """A Runner for `probes` on `target`, after sweeping the sandboxes that harnesses
    killed earlier (CTest's timeout) left there. Probes that need mounts run without
    Landlock, and every probe does where fsmatrix's recipe says so (args.no_landlock)."""
    sentinel = ctx.manifest.sentinel
    if sentinel and not os.access(sentinel, os.X_OK):
        raise HarnessError(f"no {sentinel}, which runs every probe here: build first "
                           f"({discovery.BUILD_HINT})")
    unconfined = frozenset(p.id for p in probes if "mounts" in discovery.needs(p.source)
                           or getattr(args, "no_landlock", False))
    peer = getattr(args, "peer", None) or ""
    runner = Runner(target, ctx.manifest.emulator, args.timeout, sentinel=sentinel,
                    unconfined=unconfined, peer=peer,
                    peered=frozenset(p.id for p in probes if "peer" in discovery.needs(p.source)))
    for problem in runner.sweep():
        print(f"fsconform: stale sandbox: {problem}", file=sys.stderr)
    return runner


def _landlock_line(runner):
    """One line when the probes' writes outside their sandboxes were not prevented."""
    if "unsupported" in runner.landlock:
        return "note: no Landlock in this kernel: writes outside the sandbox are not prevented"
    return ""


# ----------------------------------------------------------- subcommands --

def cmd_list(ctx, args):
    probes = discovery.select(ctx.manifest.probes, args.patterns)
    w = max((len(p.id) for p in probes), default=0)
    for p in probes:
        print(f"{p.id:<{w}}  {p.area}")
    return 0


class Progress:
    def __init__(self, total, stream=sys.stderr):
        self.total, self.done, self.counts = total, 0, {}
        self.stream = stream
        self.live = stream.isatty()
        self.width = 0

    def __call__(self, i, result):
        self.done += 1
        self.counts[result.verdict] = self.counts.get(result.verdict, 0) + 1
        if self.live:
            n = len(str(self.total))
            parts = " ".join(f"{c} {v}" for v, c in sorted(self.counts.items(),
                                                              key=lambda kv: severity(kv[0])
                                                              if kv[0] != "pass" else -1))
            line = f"[{self.done:>{n}}/{self.total}] {parts}"
            self.stream.write("\r" + line.ljust(self.width))
            self.width = len(line)
            self.stream.flush()

    def clear(self):
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _peer_facts(ctx, args, target, facts):
    """Check --peer; the result set records the second client and its filesystem."""
    if not getattr(args, "peer", None):
        return
    args.peer = os.path.abspath(args.peer)
    if ctx.manifest.emulator:
        raise HarnessError("--peer: not through an emulator (its processes would need the "
                           "peer as the emulator names paths)")
    factsmod.check_peer(args.peer, target)
    facts["peer"], facts["peer_fstype"] = factsmod.fs_types(args.peer)


def cmd_run(ctx, args):
    probes = discovery.select(ctx.manifest.probes, args.patterns)
    target = ctx.target()
    facts = ctx.facts(target)
    _peer_facts(ctx, args, target, facts)
    profile = ctx.profile(facts)
    runner = _runner(ctx, args, target, probes)
    work = _judge_work(runner, profile)
    tasks = [p for _ in range(args.repeat) for p in probes]
    progress = Progress(len(tasks))
    started, t0 = _now(), time.monotonic()
    try:
        flat = runner.map(tasks, work, args.jobs, progress)
    finally:
        progress.clear()
        runner.close()
    results = []
    for i in range(len(probes)):
        runs = flat[i::len(probes)]
        results.append(compare.combine_repeats(runs) if args.repeat > 1 else runs[0])
    run = Run(harness_version=__version__, started=started,
              duration=round(time.monotonic() - t0, 3), facts=facts, profile=profile.name,
              profile_status=profile.status, target=target, jobs=args.jobs,
              timeout=args.timeout, repeat=args.repeat, results=results)

    reports.write_json(os.path.join(ctx.results_dir, "latest.json"), run)
    if args.results:
        reports.write_json(args.results, run)
    if args.junit:
        reports.write_junit(args.junit, run)

    bad = sorted((r for r in results if r.verdict in FAILING),
                 key=lambda r: (severity(r.verdict), r.id))
    for r in bad:
        print(reports.format_result(r))
    for r in results:
        if r.verdict == "skip":
            print(f"SKIP     {r.id}: {r.message}")
    print(f"platform: {factsmod.describe(facts)}")
    if _landlock_line(runner):
        print(_landlock_line(runner))
    print(reports.summary_line(run, facts["fs"]))
    lenient = getattr(args, "provisional_ok", False) and profile.status == "provisional"
    if lenient and not run.ok() and run.ok(differences_ok=True):
        print(f"differences from the provisional profile {profile.name} do not fail this "
              f"run (--provisional-ok): python3 -m harness diff RESULTS.json lists them")
    return 0 if run.ok(differences_ok=lenient) else EXIT_FAIL


def cmd_check(ctx, args):
    probe = discovery.find(ctx.manifest.probes, args.id)
    target = ctx.target()
    facts = ctx.facts(target)
    profile = ctx.profile(facts)
    runner = _runner(ctx, args, target, [probe])
    started, t0 = _now(), time.monotonic()
    try:
        r = _judge_work(runner, profile)(probe)
    finally:
        runner.close()
    run = Run(harness_version=__version__, started=started,
              duration=round(time.monotonic() - t0, 3), facts=facts, profile=profile.name,
              profile_status=profile.status, target=target, jobs=1, timeout=args.timeout,
              repeat=1, results=[r])
    try:
        reports.write_json(os.path.join(ctx.results_dir, "check", f"{probe.id}.json"), run)
    except OSError:
        pass  # a read-only build tree must not turn a probe result into an error
    print(f"{probe.id}: {r.verdict}" + (f" ({r.message})" if r.message else "")
          + f" [profile {profile.name}, target {target} on {facts['fs']}]")
    differing = {d["name"] for d in r.differences}
    for k, v in r.observations.items():
        if k not in differing:
            exp = r.expected.get(k)
            print(f"    {k}={v}" + ("" if exp is None else "  (as expected)"))
    for line in reports.result_lines(r):
        print(line)
    if r.verdict not in ("pass", "skip") and r.stderr.strip():
        print("--- stderr ---")
        print(r.stderr.rstrip())
    if r.verdict == "pass":
        return 0
    return EXIT_SKIP if r.verdict == "skip" else EXIT_FAIL


def cmd_show(ctx, args):
    probe = discovery.find(ctx.manifest.probes, args.id)
    print(discovery.read_doc(probe.source) if probe.source else "(no source file in manifest)")
    print()
    print(f"executable: {probe.exe}")
    print(f"source:     {probe.source or '?'}")
    print()
    profiles = ctx.profiles()
    print("expectations:")
    if not profiles:
        print("    (no profiles in expected/)")
    for name in sorted(profiles):
        prof = profiles[name]
        entries = prof.expectations(probe.id)
        head = f"  {name} ({prof.status})"
        if prof.inherits:
            head += f", inherits {', '.join(prof.inherits)}"
        print(head + ":")
        meta = prof.probe_meta.get(probe.id)
        if meta:
            for k in ("why", "ref"):
                if meta.get(k):
                    print(f"      {k}: {meta[k]}")
        if not entries:
            print("      (nothing specified)")
            continue
        w = max(len(k) for k in entries)
        for k in sorted(entries):
            e = entries[k]
            origin = "" if e.origin == name else f"  [from {e.origin}]"
            line = f"      {k:<{w}} = {compare.fmt(e.value)}{origin}"
            if e.why:
                line += f"  # {e.why}"
            if e.ref:
                line += f" (ref: {e.ref})"
            print(line)
    print()
    last = _last_result(ctx, probe.id)
    if last is None:
        print("last result: none (run it with: python3 -m harness run " + probe.id + ")")
    else:
        run, r = last   # from a file: escape what a terminal would interpret
        print(escape(f"last result: {r.verdict}" + (f" ({r.message})" if r.message else "")
                     + f" on {run.started}, profile {run.profile}, target {run.target} "
                       f"({factsmod.describe(run.facts)})"))
        for k, v in r.observations.items():
            print(escape(f"    {k}={v}"))
        for line in reports.result_lines(r):
            print(line)
    return 0


def _last_result(ctx, probe_id):
    best = None
    for path in (os.path.join(ctx.results_dir, "latest.json"),
                 os.path.join(ctx.results_dir, "check", f"{probe_id}.json")):
        try:
            run = reports.read_json(path)
        except HarnessError:
            continue
        for r in run.results:
            if r.id == probe_id and (best is None or run.started > best[0].started):
                best = (run, r)
    return best


def cmd_bench(ctx, args):
    from harness import bench
    probes = ctx.manifest.probes
    if not probes:
        raise HarnessError("no probes in the manifest")
    target = ctx.target()
    facts = ctx.facts(target)
    try:
        profile = ctx.profile(facts)
    except HarnessError:
        profile = profmod.Profile(name="none", path="", resolved={})
    runner = _runner(ctx, args, target, probes)
    try:
        suite, bare, bad = bench.measure(runner, probes, args.jobs, args.runs,
                                         _judge_work(runner, profile))
    finally:
        runner.close()
    if bad:
        print(f"warning: {len(bad)} probe(s) did not exit 0 with --fsc-noop: "
              + ", ".join(bad[:5]) + (" ..." if len(bad) > 5 else ""), file=sys.stderr)
    print(bench.format_line(suite, bare, len(probes), args.jobs, args.runs))
    return 0


COMMANDS = {"list": cmd_list, "run": cmd_run, "check": cmd_check, "show": cmd_show,
            "bench": cmd_bench, "fsmatrix": lambda ctx, args: fsmatrix.command(ctx, args, cmd_run)}
# Subcommands that need no build (result sets and expected/ only): ctx is None.
STANDALONE = {"report": matrix.command, "diff": diffmod.command, "record": record.command}
COMMANDS.update(STANDALONE)


def _interrupt(signum, _frame):
    raise Interrupted(signum)


def main(argv=None):
    args = _parser().parse_args(argv)
    # SIGTERM and SIGHUP stop a run as Ctrl-C does: probes killed, sandboxes removed.
    saved = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                saved[name] = signal.signal(getattr(signal, name), _interrupt)
    try:
        if args.command in STANDALONE:
            code = COMMANDS[args.command](None, args)
        else:
            with Context(args) as ctx:
                code = COMMANDS[args.command](ctx, args)
        sys.stdout.flush()   # a closed pipe shows here, not at interpreter exit
        return code
    except HarnessError as e:
        print(f"fsconform: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:   # the reader went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL
    except OSError as e:   # writing results, creating the default target, ...
        print(f"fsconform: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as e:
        signum = getattr(e, "signum", signal.SIGINT)
        print(f"\nfsconform: interrupted by {signal.Signals(signum).name}", file=sys.stderr)
        return 128 + signum
    finally:
        for name, handler in saved.items():
            signal.signal(getattr(signal, name), handler)
