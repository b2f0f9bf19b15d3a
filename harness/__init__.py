"""fsconform harness: runs the probes, compares with expected/*.toml, reports.

Modules, one job each:
  discovery  the build manifest, probe selection, probe documentation headers
  facts      platform facts (os, filesystem of the target, privileges, backend)
  profiles   expectation profiles: loading, validation, inheritance, selection
  runner     running probe executables in sandboxes, in parallel, contained
  compare    parsing probe output, verdicts and differences
  model      the result model shared by runner, compare and reports
  reports    results JSON, JUnit XML and the text shown to the user
  bench      the start-up benchmark
  outcomes   outcome classes: portable names for raw observed values
  matrix     the matrix report (HTML + Markdown) from result sets
  diff       what differs between profiles and/or result sets
  record     a new profile from a run: the differences from the nearest profile
  cli        argument parsing and the subcommands
"""

__version__ = "0.1.0"


class HarnessError(Exception):
    """A user-facing configuration or usage error: printed as one line, exit 2."""
