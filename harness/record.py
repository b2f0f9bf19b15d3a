"""python3 -m harness record: a new expectation profile from a run on a new platform.

The new profile inherits from the nearest known profile — the one against which the
run has the fewest differing observations (fail + new + missing, computed with the same
rules as verdicts); on a tie the one whose match contradicts fewer of the run's facts,
then the more specific one (deeper inheritance, more match facts), then the name — and
holds only what differs from it, each entry marked with where and when it was observed
(the full facts are in [profile] source):

    rename = { is = "EXDEV", why = "observed on linux ext4 2026-11-21; TODO explain" }

Observations the parent expects but the run did not report cannot be written as
entries (profiles have no way to mark an inherited expectation absent); they are listed
in comments under the probe's table and counted on the terminal. Probes that broke
(error, crash, timeout) or were flaky are not recorded; they are listed in a comment.
"""

import json
import os
import re
import sys

from harness import HarnessError, compare
from harness import profiles as profmod
from harness.diff import load_profiles, profile_from_file
from harness.matrix import REPO, column_label, describe_facts
from harness.reports import atomic_write, read_json

COMPLETED = frozenset(("pass", "fail", "new", "missing"))
PROFILE_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
MATCH_FACTS = ("os", "fs", "wine")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")


def observed(run):
    """({probe id: observations} of the probes that completed, [(id, verdict)] others)."""
    done, broken = {}, []
    for r in run.results:
        if r.verdict in COMPLETED:
            done[r.id] = r.observations
        elif r.verdict != "skip":
            broken.append((r.id, r.verdict))
    return done, broken


def count_differences(obs_by_id, prof):
    return sum(len(compare.differences(obs, prof.expectations(pid)))
               for pid, obs in obs_by_id.items())


def contradictions(prof, facts):
    """How many of the profile's match facts this platform does not have."""
    return sum(str(facts.get(k, "")).lower() != v.lower() for k, v in prof.match.items())


def rank(profiles, obs_by_id, facts):
    """[(differences, name)], nearest first. Ties go to the profile whose match
    contradicts fewer of the run's facts (an ext4 run inherits linux, not linux-tmpfs,
    when both describe it equally well), then to the more specific one: deeper
    inheritance, more match facts; then the name. A library backend's profile (its match
    names a backend) describes that library, so it is no candidate for another
    backend's run, however few differences it has."""
    def key(name):
        prof = profiles[name]
        return (count_differences(obs_by_id, prof), contradictions(prof, facts),
                -len(profmod.lineage(profiles, name)), -len(prof.match), name)
    backend = str(facts.get("backend", "")).lower()
    order = sorted((n for n, p in profiles.items()
                    if p.match.get("backend", backend).lower() == backend), key=key)
    return [(key(n)[0], n) for n in order]


def _toml_str(s):
    return json.dumps(str(s))     # a JSON string is a valid TOML basic string


def _toml_key(name, names):
    """`name` as a TOML key: dotted (cell.rw_r), or quoted whole ("rw.size") where a
    prefix is an observation of its own (rw = "ok"): TOML cannot make a value a table."""
    parts = name.split(".")
    if any(".".join(parts[:i]) in names for i in range(1, len(parts))):
        return _toml_str(name)
    return ".".join(p if _BARE_KEY.match(p) else _toml_str(p) for p in parts)


def render(name, run, parent, parent_diffs, runner_up, obs_by_id, broken, profiles,
           results_name):
    facts = run.facts
    label = column_label(facts)
    date = (run.started or "")[:10]
    where = f"{label} ({describe_facts(facts)})"
    why = f"observed on {label} {date}; TODO explain"
    match = {k: str(facts[k]) for k in MATCH_FACTS if facts.get(k) not in (None, "")}
    lines = [f"# Recorded by `python3 -m harness record` from {results_name} (run {run.started}).",
             f"# Only what differs from \"{parent}\", the nearest known profile "
             f"({parent_diffs} differing observation{'s' if parent_diffs != 1 else ''}"
             + (f"; next: {runner_up[1]} with {runner_up[0]}" if runner_up else "") + ").",
             "# Replace each TODO with the reason (and a ref), then commit.",
             "[profile]",
             f"name = {_toml_str(name)}",
             f"description = {_toml_str(label + ' (recorded from a run)')}",
             f"inherits = [{_toml_str(parent)}]",
             "match = { " + ", ".join(f"{k} = {_toml_str(v)}" for k, v in match.items()) + " }",
             'status = "verified"',
             f"source = {_toml_str(f'observed on {where}, run {run.started}')}"]
    if broken:
        lines += ["", "# Not recorded: these probes did not complete on this run:"]
        lines += [f"#   {pid}: {verdict}" for pid, verdict in broken]
    entries = absent = 0
    prof = profiles[parent]
    for pid in sorted(obs_by_id):
        diffs = compare.differences(obs_by_id[pid], prof.expectations(pid))
        if not diffs:
            continue
        lines += ["", f"[{pid}]"]
        for d in diffs:
            if d["kind"] == "missing":
                continue
            lines.append(f"{_toml_key(d['name'], obs_by_id[pid])} = "
                         f"{{ is = {_toml_str(d['got'])}, "
                         f"why = {_toml_str(why)} }}")
            entries += 1
        gone = [d for d in diffs if d["kind"] == "missing"]
        if gone:
            lines.append(f"# Not reported on this platform, though {parent} expects them "
                         "(a profile cannot mark an inherited expectation absent):")
            for d in gone:
                lines.append(f"#   {d['name']} = {compare.fmt(d['expected'])}")
            absent += len(gone)
    return "\n".join(lines) + "\n", entries, absent


def add_parser(sub, common):
    s = sub.add_parser("record", parents=[common],
                       help="write a new profile from a run: the differences from the "
                            "nearest known profile")
    s.add_argument("results", nargs="?", metavar="RESULTS.json",
                   help="a run on the new platform (default: BUILD/results/latest.json)")
    s.add_argument("--name", required=True, help="the new profile's name")
    s.add_argument("--out", metavar="FILE.toml", help="default: expected/NAME.toml")
    s.add_argument("--inherits", metavar="PROFILE",
                   help="inherit from this profile instead of the nearest one")
    s.add_argument("--force", action="store_true", help="overwrite an existing file")


def command(ctx, args):
    name = args.name
    if name.endswith(".toml"):
        raise HarnessError(f"bad profile name {name!r}: give it without .toml "
                           f"(--name {name[:-5]})")
    if not PROFILE_NAME.match(name) or name == "none":
        raise HarnessError(f"bad profile name {name!r} (lower-case letters, digits, _ . -)")
    out = args.out or os.path.join(REPO, "expected", name + ".toml")
    if os.path.splitext(os.path.basename(out))[0] != name:
        raise HarnessError(f"--out {out}: a profile's file name must be {name}.toml")
    if os.path.exists(out) and not args.force:
        raise HarnessError(f"{out} exists (--force to overwrite)")
    path = args.results or os.path.join(
        os.path.abspath(getattr(args, "build", None) or "build"), "results", "latest.json")
    if not os.path.exists(path):
        raise HarnessError(f"{path}: no such results file (run: python3 -m harness run "
                           f"--profile none)")
    run = read_json(path)
    profiles = load_profiles()
    if name in profiles and not args.force:
        raise HarnessError(f"a profile named {name!r} exists already")
    profiles.pop(name, None)
    if not profiles:
        raise HarnessError("no profiles in expected/ to inherit from")
    obs_by_id, broken = observed(run)
    if not obs_by_id:
        raise HarnessError(f"{path}: no probe completed; nothing to record")
    ranking = rank(profiles, obs_by_id, run.facts)
    if args.inherits:
        if args.inherits not in profiles:
            raise HarnessError(f"unknown profile {args.inherits!r}")
        parent = args.inherits
    else:
        parent = ranking[0][1]
    parent_diffs = next(n for n, p in ranking if p == parent)
    runner_up = next(((n, p) for n, p in ranking if p != parent), None)
    text, entries, absent = render(name, run, parent, parent_diffs, runner_up, obs_by_id,
                                   broken, profiles, os.path.basename(path))
    atomic_write(out, text.encode("utf-8"))

    # Check what was written: it loads, and the run now differs only where it cannot say.
    try:
        new = profile_from_file(out, profiles)
    except HarnessError as e:
        raise HarnessError(f"wrote {out}, but it does not load: {e}") from None
    left = count_differences(obs_by_id, new)
    print(f"wrote {out}: inherits {parent} ({parent_diffs} differing observations; "
          + (f"next nearest {runner_up[1]} with {runner_up[0]}" if runner_up else "no other")
          + f"), {entries} entr{'y' if entries == 1 else 'ies'}")
    if absent:
        print(f"note: {absent} observation(s) {parent} expects were not reported here; "
              f"profiles cannot mark an inherited expectation absent, so they are listed "
              f"as comments in {out}", file=sys.stderr)
    if broken:
        print(f"note: not recorded, the probe did not complete: "
              + ", ".join(f"{p} ({v})" for p, v in broken), file=sys.stderr)
    if left != absent:
        raise HarnessError(f"{out}: the run still differs in {left - absent} observation(s)")
    try:
        chosen = profmod.choose({**profiles, name: new}, run.facts)
        if chosen.name != name:
            print(f"note: on this platform the profile chosen automatically is still "
                  f"{chosen.name}; adjust match in {out}", file=sys.stderr)
    except HarnessError as e:
        print(f"note: {e}", file=sys.stderr)
    print("next: replace each TODO in the why fields, then "
          f"python3 -m harness run --profile {name}")
    return 0
