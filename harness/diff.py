"""python3 -m harness diff A [B]: what differs between two profiles, two result sets, or a
result set and a profile; as a table for people, or with --markdown for a page (a CI
job's summary), where a profile's column also gives each entry's why and ref.

Each side is a profile name (expected/NAME.toml, inheritance resolved), a path to a
profile .toml (its parents come from expected/), or a results JSON file; without B, A
is a result set and B the profile it was judged by. A side becomes
{probe id: {observation: value}}; a profile's value may be a tuple of allowed values.

What is compared:
  - two profiles: every probe either specifies;
  - a result set on either side: only the probes that were run (a result set filtered
    to `rename` says nothing about `lock`). A probe that was skipped compares with
    nothing on a profile side (as a verdict would), but with a run of the other side;
    a probe that broke (error, crash, timeout, flaky) is always listed.
Two values agree when they are equal; an observed value agrees with a profile's list
when the list allows it; two lists agree when they allow the same values.
Exit status: 0 no differences, 1 some, 2 trouble (like diff(1)).
"""

import os
from dataclasses import dataclass, field

from harness import HarnessError, compare, discovery, outcomes
from harness import profiles as profmod
from harness.profiles import ABSENT, ANY
from harness.matrix import REPO, column_label, md_text
from harness.model import Run
from harness.reports import read_json

COMPLETED = frozenset(("pass", "fail", "new", "missing"))


@dataclass
class Side:
    arg: str
    kind: str                     # "profile" or "results"
    title: str                    # one line describing the side
    probes: dict = field(default_factory=dict)   # id -> {obs: str or tuple}
    status: dict = field(default_factory=dict)   # id -> "skip: reason", "error: ..."
    why: dict = field(default_factory=dict)      # (id, obs) -> "why; ref" (a profile's)
    run: Run = None
    profile: profmod.Profile = None


def load_profiles(source_dir=REPO):
    """Every profile in source_dir/expected, resolved; entries for probe ids that have
    no source file are an error, as everywhere else."""
    return profmod.load_all(os.path.join(source_dir, "expected"),
                            discovery.source_ids(source_dir))


def profile_from_file(path, profiles, source_dir=REPO):
    """A profile file anywhere, its parents resolved from `profiles` (which it joins)."""
    prof = profmod.load_file(path)
    profiles = dict(profiles)   # a file may shadow an expected/ profile of the same name
    for parent in prof.inherits:
        if parent not in profiles:
            raise HarnessError(f"{path}: inherits unknown profile \"{parent}\"")
    profiles[prof.name] = prof
    # profiles.py resolves inheritance in load_all only; this is its resolver.
    profmod.resolve(profiles, prof.name, [], source_dir)
    return prof


def _profile_side(arg, prof):
    side = Side(arg=arg, kind="profile", profile=prof,
                title=f"profile {prof.name} ({prof.status})"
                      + (f", inherits {', '.join(prof.inherits)}" if prof.inherits else ""))
    for pid, entries in prof.resolved.items():
        if entries:
            side.probes[pid] = {k: e.value for k, e in entries.items()}
        meta = prof.probe_meta.get(pid, {})
        for k, e in entries.items():
            said = [x for x in (e.why or meta.get("why", ""), e.ref or meta.get("ref", ""))
                    if x]
            if said:
                side.why[pid, k] = "; ".join(said)
    return side


def results_side(arg, run):
    side = Side(arg=arg, kind="results", run=run,
                title=f"results {os.path.basename(arg)}: {column_label(run.facts)}, "
                      f"run {run.started}, profile {run.profile}")
    for r in run.results:
        if r.verdict in COMPLETED:
            side.probes[r.id] = dict(r.observations)
        else:
            side.status[r.id] = r.verdict + (f": {r.message}" if r.message else "")
    return side


def load_side(arg, profiles):
    """A Side from a results file, a profile file or a profile name. `profiles` is a
    callable returning the loaded profiles (they are read only when needed)."""
    looks_json = arg.endswith(".json")
    if looks_json or (os.path.isfile(arg) and not arg.endswith(".toml")):
        return results_side(arg, read_json(arg))
    if arg.endswith(".toml") or os.sep in arg:
        if not os.path.isfile(arg):
            raise HarnessError(f"{arg}: no such profile file")
        return _profile_side(arg, profile_from_file(arg, profiles()))
    known = profiles()
    if arg not in known:
        raise HarnessError(f"{arg!r} is neither a results file nor a profile "
                           f"(profiles: {', '.join(sorted(known)) or 'none'})")
    return _profile_side(arg, known[arg])


def judged_by(a, profiles):
    """The profile result set `a` was judged by: diff's B when only A is given."""
    if a.kind != "results" or a.run.profile == "none":
        raise HarnessError(f"{a.arg}: give B too: A alone must be a result set judged by a "
                           f"profile (diff RESULTS.json compares it with that profile)")
    return load_side(a.run.profile, profiles)


def agree(a, b):
    """Whether two sides agree; None is "not reported", and a profile's ANY / ABSENT
    agree with what they allow (see profiles.Entry.allows)."""
    for x, y in ((a, b), (b, a)):
        if x == ANY:
            return y is not None and y != ABSENT
        if x == ABSENT:
            return y is None or y == ABSENT
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, tuple) and isinstance(b, tuple):
        return set(a) == set(b)
    if isinstance(a, tuple):
        return b in a
    if isinstance(b, tuple):
        return a in b
    return a == b


def show(v):
    if v is None:
        return "-"
    return compare.fmt(v) if isinstance(v, tuple) else str(v)


def note(name, a, b):
    """`same class: denied` when two different error names mean the same outcome."""
    if isinstance(a, str) and isinstance(b, str):
        ka, kb = outcomes.compare_key(a, name), outcomes.compare_key(b, name)
        ca, cb = outcomes.classify(a, name), outcomes.classify(b, name)
        if ka == kb:
            return f"same class: {ca}"
        if outcomes.is_error(ca) or outcomes.is_error(cb):
            return f"{ca} / {cb}"
    return ""


def differences(a, b):
    """Rows (probe id, observation, A value, B value, note) where the sides disagree."""
    if a.kind == "profile" and b.kind == "profile":
        ids = set(a.probes) | set(b.probes)
    else:
        ids = set()
        for s in (a, b):
            if s.kind == "results":
                ids |= set(s.probes) | set(s.status)
    rows = []
    for pid in sorted(ids):
        sa, sb = a.status.get(pid), b.status.get(pid)
        if sa or sb:
            if _status_differs(a, b, pid, sa, sb):
                rows.append((pid, "(probe)", sa or _presence(a, pid), sb or _presence(b, pid),
                             ""))
            continue
        oa, ob = a.probes.get(pid, {}), b.probes.get(pid, {})
        for name in sorted(set(oa) | set(ob)):
            va, vb = oa.get(name), ob.get(name)
            if not agree(va, vb):
                rows.append((pid, name, show(va), show(vb), note(name, va, vb)))
    return rows


def _presence(side, pid):
    if pid in side.probes:
        return "ran" if side.kind == "results" else "expects observations"
    return "not run" if side.kind == "results" else "-"


def _status_differs(a, b, pid, sa, sb):
    if sa and sb:
        return sa.split(":")[0] != sb.split(":")[0]
    status, other = (sa, b) if sa else (sb, a)
    if status.startswith("skip"):
        # a skip disagrees with a run that ran the probe, not with a profile
        return other.kind == "results" and pid in other.probes
    return True


def format_table(rows, a, b):
    heads = ("probe", "observation", "A", "B", "classes")
    cols = list(zip(*([heads] + rows))) if rows else [heads]
    widths = [max(len(str(x)) for x in c) for c in cols]
    lines = [f"A: {a.title}", f"B: {b.title}", ""]
    if rows:
        for r in [heads] + rows:
            lines.append("  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip())
        lines.append("")
    return "\n".join(lines + [_count(rows)])


def format_markdown(rows, a, b):
    """format_table as Markdown, in two tables: values the sides disagree on, then
    observations one side has and the other lacks (a provisional profile leaves out what
    no document settles: those are the many, the first table is what it got wrong).
    A profile's column comes with each entry's why and ref."""
    def head(side, letter):
        return f"{letter}: {'expected' if side.kind == 'profile' else 'got'}"

    def why(row):
        return " / ".join(s.why[row[0], row[1]] for s in (a, b) if (row[0], row[1]) in s.why)

    lines = [f"- **A**: {md_text(a.title)}", f"- **B**: {md_text(b.title)}", ""]
    both = [r for r in rows if "-" not in (r[2], r[3])]
    one = [r for r in rows if "-" in (r[2], r[3])]
    for title, part in (("Different values", both), ("On one side only", one)):
        if part:
            lines += [f"**{title}** ({len(part)})", "",
                      f"| probe | observation | {head(a, 'A')} | {head(b, 'B')} | classes | "
                      f"why; ref |", "|---|---|---|---|---|---|"]
            lines += ["| " + " | ".join(md_text(str(x)) for x in row + (why(row),)) + " |"
                      for row in part]
            lines.append("")
    return "\n".join(lines + [_count(rows)])


def _count(rows):
    probes = len({r[0] for r in rows})
    if not rows:
        return "no differences"
    return (f"{len(rows)} difference{'s' if len(rows) != 1 else ''} in {probes} "
            f"probe{'s' if probes != 1 else ''}")


def add_parser(sub, common):
    s = sub.add_parser("diff", parents=[common],
                       help="what differs between two profiles and/or result sets "
                            "(exit 1 if anything)")
    s.add_argument("a", metavar="A", help="profile name, profile .toml or results .json")
    s.add_argument("b", metavar="B", nargs="?",
                   help="profile name, profile .toml or results .json (default, when A is a "
                        "result set: the profile it was judged by)")
    s.add_argument("--markdown", action="store_true",
                   help="a Markdown table, with each profile entry's why and ref "
                        "(for a CI job's summary)")


def command(ctx, args):
    import functools
    profiles = functools.cache(load_profiles)
    a = load_side(args.a, profiles)
    b = load_side(args.b, profiles) if args.b else judged_by(a, profiles)
    rows = differences(a, b)
    print((format_markdown if args.markdown else format_table)(rows, a, b))
    return 1 if rows else 0
