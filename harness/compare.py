"""From a probe's raw run to a verdict: parse `name=value` output, compare with the
expectations, keep every difference."""

import re
import signal as _signal

from harness.model import Result, severity
from harness.printable import decode, escape, escape_lines, unprintable
from harness.profiles import ABSENT, ANY

NAME_RE = re.compile(r"[a-z0-9_.]+\Z")
STDERR_TAIL = 4000

# Values that say the target ran out of space (or quota). Where a profile expects another
# value, the difference is the target's state, not the platform's behaviour: the verdict
# is error ("met ENOSPC: target full?"). Where a profile expects one of them (exFAT's
# 4 GiB limit, ext4's xattr block), it is an ordinary value.
DISK_FULL = frozenset(("ENOSPC", "EDQUOT", "ERROR_DISK_FULL", "ERROR_HANDLE_DISK_FULL",
                       "STATUS_DISK_FULL"))

# Exit codes with which Windows (and Wine) report a crashed process.
_NTSTATUS_CRASH = {
    0xC0000005: "STATUS_ACCESS_VIOLATION",
    0xC000001D: "STATUS_ILLEGAL_INSTRUCTION",
    0xC0000094: "STATUS_INTEGER_DIVIDE_BY_ZERO",
    0xC00000FD: "STATUS_STACK_OVERFLOW",
    0xC0000374: "STATUS_HEAP_CORRUPTION",
    0xC0000409: "STATUS_STACK_BUFFER_OVERRUN",
    0x80000003: "STATUS_BREAKPOINT",
}


def parse_output(text):
    """(observations, None) or (partial observations, "line N: what is wrong").
    Lines end at "\n" only ("\r\n" too); a value is one printable token. A name
    appears once, except the same skip=<reason> again (each helper may print it)."""
    obs = {}
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, 1):
        if line.endswith("\r"):
            line = line[:-1]
        name, eq, value = line.partition("=")
        shown = "'" + escape(line if len(line) <= 80 else line[:77] + "...") + "'"
        if not eq:
            return obs, f"line {n}: not name=value: {shown}"
        if not NAME_RE.match(name):
            return obs, (f"line {n}: bad observation name '{escape(name)}' "
                         f"(names are [a-z0-9_.]+)")
        what = unprintable(value)
        if what:
            return obs, f"line {n}: value of {name} has {what}: {shown}"
        if not value or " " in value:
            return obs, f"line {n}: value of {name} is not a single token: {shown}"
        if name == "skip" and obs.get(name) == value:
            continue            # two helpers whose set-up was refused both say so
        if name in obs:
            return obs, f"line {n}: {name} reported twice ({obs[name]!r}, then {value!r})"
        obs[name] = value
    return obs, None


def signal_name(num):
    try:
        return _signal.Signals(num).name
    except ValueError:
        return f"signal {num}"


def crash_name(exit_status):
    """A crash description for an exit status, or None if it is an ordinary exit."""
    if exit_status is None:
        return None
    if exit_status < 0:
        return signal_name(-exit_status)
    return _NTSTATUS_CRASH.get(exit_status & 0xFFFFFFFF)


def fmt(v):
    if v == ANY:
        return "any value (*)"
    if v == ABSENT:
        return "nothing (-)"
    if isinstance(v, (list, tuple)):
        return "one of " + ", ".join(v)
    return str(v)


def differences(obs, expectations):
    diffs = []
    for name, entry in sorted(expectations.items()):
        if entry.allows(obs.get(name)):
            continue
        if name not in obs:
            diffs.append({"name": name, "kind": "missing", "expected": entry.plain(), "got": None})
        else:
            diffs.append({"name": name, "kind": "fail", "expected": entry.plain(),
                          "got": obs[name]})
    for name in sorted(obs):
        if name not in expectations:
            diffs.append({"name": name, "kind": "new", "expected": None, "got": obs[name]})
    return diffs


def describe_difference(d):
    if d["kind"] == "fail":
        return f"{d['name']}: expected {fmt(d['expected'])}, got {d['got']}"
    if d["kind"] == "missing":
        return f"{d['name']}: expected {fmt(d['expected'])}, not reported"
    if d["kind"] == "new":
        return f"{d['name']}: not in the profile, got {d['got']}"
    if d["kind"] == "flaky":
        return f"{d['name']}: differs between runs: " + ", ".join(
            "-" if v is None else str(v) for v in d["got"])
    return f"{d['name']}: {d}"


def judge(probe, expectations, *, exit_status, timed_out, stdout, stderr, duration,
          note=""):
    """The Result of one run. `expectations` maps observation names to profile Entries.
    `note` is what the runner found wrong (a process left running, too much output, no
    sandbox): it is said in the message and makes the verdict at least an error; with
    exit_status None (the runner stopped the probe, or never started it) it is the message."""
    out = decode(stdout)
    err = escape_lines(decode(stderr[-STDERR_TAIL:]))
    r = Result(id=probe.id, area=probe.area, verdict="pass", exit_status=exit_status,
               duration=round(duration, 4), stderr=err,
               expected={k: e.plain() for k, e in sorted(expectations.items())})
    obs, bad = parse_output(out)
    r.observations = obs
    crash = crash_name(exit_status)
    if timed_out:
        r.verdict, r.message = "timeout", note or f"no exit after {duration:.1f} s; killed"
    elif crash:
        r.verdict, r.message = "crash", f"killed by {crash}"
        if exit_status is not None and exit_status < 0:
            r.signal, r.exit_status = crash, None
    elif exit_status is None:
        r.verdict = "error"
    elif bad:
        r.verdict, r.message = "error", f"bad output: {bad}"
    elif exit_status == 77:
        if "skip" in obs:
            r.verdict, r.message = "skip", obs["skip"]
        else:
            r.verdict, r.message = "error", "exit 77 (skip) without a skip=<reason> line"
    elif exit_status != 0:
        r.verdict, r.message = "error", f"exit status {exit_status}"
    elif "skip" in obs:
        r.verdict, r.message = "error", "skip= printed but exit 0"
    else:
        r.differences = differences(obs, expectations)
        kinds = {d["kind"] for d in r.differences}
        for v in ("fail", "missing", "new"):
            if v in kinds:
                r.verdict = v
                break
        n = len(r.differences)
        r.message = f"{n} difference{'s' if n != 1 else ''}" if n else ""
        full = [d for d in r.differences if d["kind"] == "fail" and d["got"] in DISK_FULL]
        if full:
            r.verdict = "error"
            r.message = (f"met {full[0]['got']}: target full? ({', '.join(d['name'] for d in full)}"
                         f" not as expected; {r.message})")
    if note and r.verdict != "timeout":
        r.message = f"{r.message}; {note}" if r.message else note
        if severity(r.verdict) > severity("error"):
            r.verdict = "error"
    return r


def harness_error(probe, tb, duration=0.0):
    """A Python exception inside the harness while running one probe."""
    tb = escape_lines(tb.strip())
    return Result(id=probe.id, area=probe.area, verdict="error",
                  message="harness error: " + tb.split("\n")[-1],
                  details=tb, duration=round(duration, 4))


def combine_repeats(runs):
    """One Result from several runs of the same probe: the first, unless the runs
    disagree (verdict or observations), then `flaky` with every differing value."""
    first = runs[0]
    steady = lambda r: {k: v for k, v in r.observations.items()  # noqa: E731
                        if first.expected.get(k) != ANY}
    if all(r.verdict == first.verdict and steady(r) == steady(first) for r in runs):
        first.duration = round(max(r.duration for r in runs), 4)
        return first
    names = sorted(set().union(*(r.observations for r in runs)))
    diffs = []
    for name in names:
        vals = [r.observations.get(name) for r in runs]
        if len(set(vals)) > 1 and first.expected.get(name) != ANY:
            diffs.append({"name": name, "kind": "flaky", "expected": first.expected.get(name),
                          "got": vals})
    verdicts = [r.verdict for r in runs]
    worst = min(verdicts, key=severity)
    summary = ", ".join(f"{v} x{verdicts.count(v)}" for v in dict.fromkeys(verdicts))
    lines = [f"run {i + 1}: {r.verdict}" + (f" ({r.message})" if r.message else "") + " "
             + " ".join(f"{k}={v}" for k, v in sorted(r.observations.items()))
             for i, r in enumerate(runs)]
    worst_run = next(r for r in runs if r.verdict == worst)
    return Result(id=first.id, area=first.area, verdict="flaky",
                  message=f"{len(runs)} runs disagree: {summary}",
                  observations=first.observations, expected=first.expected,
                  differences=diffs, exit_status=worst_run.exit_status,
                  signal=worst_run.signal, duration=round(max(r.duration for r in runs), 4),
                  stderr=worst_run.stderr, details="\n".join(lines))
