"""The result model shared by the runner, compare and the report writers."""

from dataclasses import asdict, dataclass, field

# Most severe first. A verdict in FAILING makes `run` exit 1.
VERDICTS = ("crash", "timeout", "error", "flaky", "fail", "missing", "new", "skip", "pass")
FAILING = frozenset(("crash", "timeout", "error", "flaky", "fail", "missing", "new"))
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
    def from_dict(cls, d):
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        return cls(**known)


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

    def ok(self):
        return not any(r.verdict in FAILING for r in self.results)

    def to_dict(self):
        d = asdict(self)
        d["format"] = "fsconform-results"
        d["format_version"] = 1
        d["counts"] = self.counts()
        return d

    @classmethod
    def from_dict(cls, d):
        fields = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        fields["results"] = [Result.from_dict(r) for r in d.get("results", [])]
        return cls(**fields)
