"""The result model shared by the runner, compare and the report writers."""

from dataclasses import asdict, dataclass, field

# Most severe first. A verdict in FAILING makes `run` exit 1.
VERDICTS = ("crash", "timeout", "error", "flaky", "fail", "missing", "new", "skip", "pass")
FAILING = frozenset(("crash", "timeout", "error", "flaky", "fail", "missing", "new"))
# The failing verdicts that say the platform differs from the profile; the rest of FAILING
# say the probe itself broke (or could not be judged).
DIFFERING = frozenset(("fail", "missing", "new"))
# Order of counts in the summary line.
SUMMARY_ORDER = ("pass", "fail", "missing", "new", "error", "crash", "timeout", "flaky", "skip")


def severity(verdict):
    return VERDICTS.index(verdict)


@dataclass
class Result:
    id: str
    area: str
    verdict: str
    message: str = ""              # why, in one line: "exit status 3", "line 2: ...", "SIGSEGV"
    observations: dict = field(default_factory=dict)
    expected: dict = field(default_factory=dict)      # name -> value or list of allowed values
    differences: list = field(default_factory=list)   # dicts: name, kind, expected, got
    exit_status: object = None     # int, or None when killed / not started
    signal: object = None          # "SIGSEGV" when killed by a signal
    duration: float = 0.0
    stderr: str = ""               # the tail of the probe's stderr
    details: str = ""              # a harness traceback, the runs of a flaky probe, ...

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, d, where="result"):
        """From results JSON; a ValueError names the first field of the wrong type."""
        _check(d, where, _RESULT_FIELDS, ("id", "area", "verdict"))
        if d["verdict"] not in VERDICTS:
            raise ValueError(f"{where}.verdict: unknown verdict {d['verdict']!r}")
        for k, v in d.get("observations", {}).items():
            _check(v, f"{where}.observations.{k}", str)
        for k, v in d.get("expected", {}).items():
            _check_strings(v, f"{where}.expected.{k}")
        for i, diff in enumerate(d.get("differences", [])):
            _check(diff, f"{where}.differences[{i}]", {"name": str, "kind": str}, ("name", "kind"))
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


@dataclass
class Run:
    harness_version: str
    started: str                   # ISO-8601 UTC
    duration: float
    facts: dict
    profile: str
    profile_status: str
    target: str
    jobs: int
    timeout: float
    repeat: int
    results: list                  # of Result

    def counts(self):
        c = {}
        for r in self.results:
            c[r.verdict] = c.get(r.verdict, 0) + 1
        return c

    def ok(self, differences_ok=False):
        """No failing verdict; with differences_ok, none but differences (DIFFERING)."""
        bad = FAILING - DIFFERING if differences_ok else FAILING
        return not any(r.verdict in bad for r in self.results)

    def to_dict(self):
        d = asdict(self)
        d["format"] = "fsconform-results"
        d["format_version"] = 1
        d["counts"] = self.counts()
        return d

    @classmethod
    def from_dict(cls, d):
        """From results JSON; a ValueError names the first field of the wrong type."""
        _check(d, "the file", _RUN_FIELDS, tuple(_RUN_FIELDS))
        for k, v in d["facts"].items():
            _check_strings(v, f"facts.{k}")
        fields = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        fields["results"] = [Result.from_dict(r, f"results[{i}]")
                             for i, r in enumerate(d["results"])]
        return cls(**fields)


# ------------------------------------------------------- reading results --

_NUMBER = (int, float)
_RUN_FIELDS = {"harness_version": str, "started": str, "duration": _NUMBER, "facts": dict,
               "profile": str, "profile_status": str, "target": str, "jobs": int,
               "timeout": _NUMBER, "repeat": int, "results": list}
_RESULT_FIELDS = {"id": str, "area": str, "verdict": str, "message": str, "observations": dict,
                  "expected": dict, "differences": list, "exit_status": (int, type(None)),
                  "signal": (str, type(None)), "duration": _NUMBER, "stderr": str,
                  "details": str}
_JSON_NAMES = {dict: "an object", list: "a list", str: "a string", int: "an integer",
               float: "a number", bool: "true/false", type(None): "null"}


def _json_name(t):
    return " or ".join(_JSON_NAMES[x] for x in (t if isinstance(t, tuple) else (t,)))


def _check(value, where, want, required=()):
    """`value` has type `want`; or, when `want` is a dict of field types, is an object
    with those fields (the `required` ones present) of those types."""
    if isinstance(want, dict):
        _check(value, where, dict)
        for k in required:
            if k not in value:
                raise ValueError(f"{where}: no field {k!r}")
        prefix = "" if where == "the file" else where + "."
        for k, t in want.items():
            if k in value:
                _check(value[k], prefix + k, t)
        return
    if isinstance(value, bool) and bool not in (want if isinstance(want, tuple) else (want,)):
        ok = False   # JSON true is not a number here
    else:
        ok = isinstance(value, want)
    if not ok:
        raise ValueError(f"{where}: expected {_json_name(want)}, "
                         f"got {_json_name(type(value)) if type(value) in _JSON_NAMES else '?'}")


def _check_strings(value, where):
    """A string, or a list of strings (facts, a profile's allowed values)."""
    if isinstance(value, list):
        for i, x in enumerate(value):
            _check(x, f"{where}[{i}]", str)
    else:
        _check(value, where, (str, list))
