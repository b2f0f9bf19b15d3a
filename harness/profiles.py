"""Expectation profiles (expected/*.toml): loading, validation, inheritance, choice.

Format (see README.md): a [profile] table, then one table per probe id
[<area>.<name>] mapping observation names to expected values. A value is a string
(TOML ints and bools are compared as their string form), a list of allowed values,
or a table { is = <value or list>, why = "...", ref = "..." }. Keys `why` and `ref`
directly in a probe table describe the whole probe. Other nested tables are dotted
observation names (cell.rw_r = "ok").

Two values are not observations but statements about one, each to be given a `why`:
ANY ("*") — reported, with a value that legitimately changes from run to run on this
platform (a race the platform does not prevent); it is not judged and not flaky.
ABSENT ("-") — not reported on this platform, where a parent expects it (the probe
stops early because the filesystem lacks the feature).
"""

import hashlib
import os
import pickle
import re
import tempfile
import tomllib
from dataclasses import dataclass, field

from harness import HarnessError

STATUSES = ("verified", "provisional")
ANY, ABSENT = "*", "-"
NAME_RE = re.compile(r"[a-z0-9_.]+\Z")
PROFILE_KEYS = {"name", "description", "inherits", "match", "status", "source"}


@dataclass
class Entry:
    """One expected observation. `value` is a str or a tuple of allowed strs."""
    value: object
    why: str = ""
    ref: str = ""
    origin: str = ""     # the profile that set it

    def allows(self, got):
        """Whether `got` (None: not reported) meets this expectation."""
        if self.value == ANY:
            return got is not None
        if self.value == ABSENT:
            return got is None
        if got is None:
            return False
        return got in self.value if isinstance(self.value, tuple) else got == self.value

    def plain(self):
        return list(self.value) if isinstance(self.value, tuple) else self.value


@dataclass
class Profile:
    name: str
    path: str
    description: str = ""
    inherits: list = field(default_factory=list)
    match: dict = field(default_factory=dict)
    status: str = "provisional"
    source: str = ""
    own: dict = field(default_factory=dict)        # probe id -> {obs: Entry}
    probe_meta: dict = field(default_factory=dict)  # probe id -> {"why":..., "ref":...}
    resolved: dict = None                           # probe id -> {obs: Entry}, after resolve
    text: str = ""

    def expectations(self, probe_id):
        return (self.resolved if self.resolved is not None else self.own).get(probe_id, {})


# ------------------------------------------------------------ line finding --

def _key_re(key):
    k = re.escape(key)
    return rf"(?:{k}|\"{k}\"|'{k}')"


def _header_line(text, dotted, exact=False):
    """1-based line of the [a.b] header (or the closest enclosing one), else 0."""
    parts = dotted.split(".")
    for n in range(len(parts), len(parts) - 1 if exact else 0, -1):
        pat = r"\s*\.\s*".join(_key_re(p) for p in parts[:n])
        m = re.search(rf"^[ \t]*\[[ \t]*{pat}[ \t]*\]", text, re.M)
        if m:
            return text.count("\n", 0, m.start()) + 1
    return 0


def _key_line(text, table, key):
    """Line of `key =` inside [table] (first dotted part of key), else the header's."""
    start = _header_line(text, table)
    lines = text.splitlines()
    first = key.split(".")[0]
    pat = re.compile(rf"[ \t]*{_key_re(first)}[ \t]*[.=]")
    for i in range(start, len(lines)):
        if start and lines[i].lstrip().startswith("["):
            break
        if pat.match(lines[i]):
            return i + 1
    return start


class _Loc:
    def __init__(self, path, text):
        self.rel = path
        self.text = text

    def err(self, line, msg):
        where = f"{self.rel}:{line}" if line else self.rel
        return HarnessError(f"{where}: {msg}")


# -------------------------------------------------------------- values --

def _scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (str, int)):
        return str(v)
    return None


def _value(v):
    """A str, a tuple of strs, or None if the TOML value has the wrong type."""
    if isinstance(v, list):
        items = [_scalar(x) for x in v]
        if not items or any(x is None for x in items):
            return None
        vals = tuple(items)
    else:
        vals = _scalar(v)
        if vals is None:
            return None
    for s in (vals if isinstance(vals, tuple) else (vals,)):
        if not s or any(c.isspace() for c in s):
            return None
    return vals


MAX_NAME_PARTS = 16   # cell.rw_r has 2; a deeper name is a mistake (and recursion)


def _flatten(loc, probe_id, table, prefix, out, pname):
    for key, v in table.items():
        name = f"{prefix}{key}"
        line = lambda: _key_line(loc.text, probe_id, name)  # noqa: E731
        if isinstance(v, dict) and not v:
            raise loc.err(line(), f"[{probe_id}] {name}: empty table (give a value, "
                                  f"a list, or {{ is = ..., why = ... }})")
        if isinstance(v, dict) and "is" not in v:
            if name.count(".") + 1 >= MAX_NAME_PARTS:
                raise loc.err(line(), f"[{probe_id}] {name[:60]}...: an observation name has "
                                      f"at most {MAX_NAME_PARTS} dotted parts")
            _flatten(loc, probe_id, v, name + ".", out, pname)
            continue
        why = ref = ""
        if isinstance(v, dict):
            extra = set(v) - {"is", "why", "ref"}
            if extra:
                raise loc.err(line(), f"[{probe_id}] {name}: unknown key {sorted(extra)[0]!r} "
                                      f"(an entry table has is, why, ref)")
            why, ref = v.get("why", ""), v.get("ref", "")
            if not isinstance(why, str) or not isinstance(ref, str):
                raise loc.err(line(), f"[{probe_id}] {name}: why and ref must be strings")
            v = v["is"]
        if not NAME_RE.match(name):
            raise loc.err(line(), f"[{probe_id}] bad observation name {name!r} "
                                  f"(names are [a-z0-9_.]+)")
        val = _value(v)
        if val is None:
            raise loc.err(line(), f"[{probe_id}] {name}: expected a one-token string, integer "
                                  f"or boolean, or a non-empty list of them, got {v!r}")
        out[name] = Entry(val, why, ref, pname)


# -------------------------------------------------------------- loading --

def load_file(path, rel=None):
    rel = rel or path
    try:
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise HarnessError(f"{rel}: cannot read: {e}") from None
    loc = _Loc(rel, text)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        if m:
            msg = msg[:m.start()].strip() + f" (column {m.group(2)})"
            raise loc.err(int(m.group(1)), msg) from None
        raise loc.err(0, msg) from None

    stem = os.path.splitext(os.path.basename(path))[0]
    head = doc.get("profile")
    if not isinstance(head, dict):
        raise loc.err(0, "missing [profile] table")
    pline = lambda k: _key_line(text, "profile", k)  # noqa: E731
    unknown = set(head) - PROFILE_KEYS
    if unknown:
        k = sorted(unknown)[0]
        raise loc.err(pline(k), f"unknown [profile] key {k!r} "
                                f"(known: {', '.join(sorted(PROFILE_KEYS))})")
    name = head.get("name")
    if name != stem:
        raise loc.err(pline("name"), f"profile name {name!r} must equal the file name {stem!r}")
    status = head.get("status", "provisional")
    if status not in STATUSES:
        raise loc.err(pline("status"), f"status {status!r} must be one of {', '.join(STATUSES)}")
    inherits = head.get("inherits", [])
    if isinstance(inherits, str):
        inherits = [inherits]
    if not isinstance(inherits, list) or not all(isinstance(x, str) for x in inherits):
        raise loc.err(pline("inherits"), "inherits must be a list of profile names")
    match = head.get("match", {})
    if not isinstance(match, dict):
        raise loc.err(pline("match"), "match must be a table of facts, e.g. { os = \"linux\" }")
    mfacts = {}
    for k, v in match.items():
        s = _scalar(v)
        if s is None:
            raise loc.err(pline("match"), f"match.{k} must be a string")
        mfacts[k] = s
    for k in ("description", "source"):
        if not isinstance(head.get(k, ""), str):
            raise loc.err(pline(k), f"{k} must be a string")

    prof = Profile(name=name, path=path, description=head.get("description", ""),
                   inherits=inherits, match=mfacts, status=status,
                   source=head.get("source", ""), text=text)
    for area, probes in doc.items():
        if area == "profile":
            continue
        if not isinstance(probes, dict):
            raise loc.err(_find_top_key(text, area),
                          f"{area!r}: expected a [{area}.<probe>] table")
        for pname, table in probes.items():
            pid = f"{area}.{pname}"
            if not isinstance(table, dict):
                raise loc.err(_key_line(text, area, pname),
                              f"{pid}: expected a table of observations")
            meta = {}
            obs_table = {}
            for k, v in table.items():
                if k not in ("why", "ref"):
                    obs_table[k] = v
                elif isinstance(v, str):
                    meta[k] = v
                else:
                    raise loc.err(_key_line(text, pid, k), f"[{pid}] {k} must be a string "
                                                          f"(it describes the whole probe)")
            entries = {}
            _flatten(loc, pid, obs_table, "", entries, name)
            prof.own[pid] = entries
            if meta:
                prof.probe_meta[pid] = meta
    return prof


def _find_top_key(text, key):
    m = re.search(rf"^[ \t]*{_key_re(key)}[ \t]*[.=]", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def load_all(expected_dir, known_ids=None):
    """Every profile in expected_dir, validated and with inheritance resolved.
    known_ids: probe ids that exist; an entry for another id is an error."""
    try:
        names = sorted(n for n in os.listdir(expected_dir) if n.endswith(".toml"))
    except FileNotFoundError:
        names = []
    except OSError as e:
        raise HarnessError(f"{expected_dir}: {e.strerror}") from None
    base = os.path.dirname(os.path.abspath(expected_dir))
    profiles = {}
    for n in names:
        path = os.path.join(expected_dir, n)
        rel = os.path.relpath(path, base) if not os.path.relpath(path, base).startswith("..") else path
        prof = load_file(path, rel)
        profiles[prof.name] = prof
    for prof in profiles.values():
        loc = _Loc(_rel(prof, base), prof.text)
        for parent in prof.inherits:
            if parent not in profiles:
                raise loc.err(_key_line(prof.text, "profile", "inherits"),
                              f"inherits unknown profile \"{parent}\"")
        if known_ids is not None:
            for pid in prof.own:
                if pid not in known_ids:
                    raise loc.err(_header_line(prof.text, pid, exact=True)
                                  or _key_line(prof.text, *pid.split(".", 1)),
                                  f"[{pid}]: no probe with this id")
    for name in profiles:
        resolve(profiles, name, [], base)
    return profiles


def load_all_cached(expected_dir, known_ids, cache):
    """load_all, kept in the file `cache` for the next call with the same profiles, probe
    ids and parser (this file): each `harness check`, one per CTest probe test, spent
    most of its time parsing every profile again. A cache that cannot be read or written
    is ignored (a read-only build tree); a profile with an error is never cached."""
    key = hashlib.sha256("\0".join(sorted(known_ids or ())).encode())
    try:
        names = sorted(n for n in os.listdir(expected_dir) if n.endswith(".toml"))
    except OSError:
        names = []   # load_all says why
    for path in [os.path.abspath(__file__)] + [os.path.join(expected_dir, n) for n in names]:
        try:
            with open(path, "rb") as f:
                key.update(f"\0{path}\0".encode() + f.read())
        except OSError:
            return load_all(expected_dir, known_ids)
    try:
        with open(cache, "rb") as f:
            if pickle.load(f) == key.hexdigest():
                return pickle.load(f)
    except Exception:   # noqa: BLE001 - missing, stale or damaged: parse again
        pass
    profiles = load_all(expected_dir, known_ids)
    tmp = None
    try:
        with tempfile.NamedTemporaryFile(dir=os.path.dirname(cache), delete=False) as f:
            tmp = f.name
            pickle.dump(key.hexdigest(), f)
            pickle.dump(profiles, f)
        os.replace(tmp, cache)   # callers running at once each replace it whole
    except OSError:
        if tmp and os.path.exists(tmp):
            os.remove(tmp)
    return profiles


def _rel(prof, base):
    r = os.path.relpath(prof.path, base)
    return prof.path if r.startswith("..") else r


def resolve(profiles, name, stack, base):
    prof = profiles[name]
    if prof.resolved is not None:
        return prof.resolved
    if name in stack:
        chain = " -> ".join(stack[stack.index(name):] + [name])
        loc = _Loc(_rel(prof, base), prof.text)
        raise loc.err(_key_line(prof.text, "profile", "inherits"), f"inheritance cycle: {chain}")
    stack.append(name)
    merged = {}
    for parent in prof.inherits:
        for pid, entries in resolve(profiles, parent, stack, base).items():
            merged.setdefault(pid, {}).update(entries)
    for pid, entries in prof.own.items():
        merged.setdefault(pid, {}).update(entries)
    stack.pop()
    prof.resolved = merged
    return merged


def lineage(profiles, name):
    """Profile names in inheritance order, the profile itself last."""
    out = []

    def walk(n):
        for p in profiles[n].inherits:
            walk(p)
        if n not in out:
            out.append(n)
    walk(name)
    return out


def choose(profiles, facts, requested=None):
    """The profile to compare with: the requested one, else the best automatic match."""
    if requested:
        if requested not in profiles:
            avail = ", ".join(sorted(profiles)) or "none"
            raise HarnessError(f"unknown profile {requested!r} (available: {avail})")
        return profiles[requested]
    cands = []
    for p in profiles.values():
        if p.match and all(str(facts.get(k, "")).lower() == v.lower() for k, v in p.match.items()):
            cands.append(p)
    detected = " ".join(f"{k}={facts[k]}" for k in ("os", "fs", "wine", "backend", "root")
                        if k in facts)
    if not profiles:
        raise HarnessError("no profiles in expected/; use --profile none to see every "
                           "observation as new")
    if not cands:
        raise HarnessError(f"no profile matches this platform ({detected}); "
                           f"choose one with --profile NAME "
                           f"(available: {', '.join(sorted(profiles)) or 'none'})")
    cands.sort(key=lambda p: (-len(p.match), p.name))
    if len(cands) > 1 and len(cands[0].match) == len(cands[1].match):
        raise HarnessError(f"profiles {cands[0].name!r} and {cands[1].name!r} both match "
                           f"this platform ({detected}) equally well; make one match more "
                           f"facts or choose with --profile NAME")
    return cands[0]
