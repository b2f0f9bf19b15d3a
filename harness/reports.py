"""Writers over the result model: results JSON, JUnit XML, and the text for people."""

import json
import os
import tempfile

from harness import HarnessError
from harness.compare import describe_difference
from harness.model import FAILING, SUMMARY_ORDER, Run
from harness.printable import escape, escape_lines


# ------------------------------------------------------------------ JSON --

def atomic_write(path, data):
    """Write a whole file so that readers see the old or the new one, never half."""
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o644)   # mkstemp makes 0600; these are files to share
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_json(path, run):
    atomic_write(path, (json.dumps(run.to_dict(), indent=1, sort_keys=False) + "\n")
                  .encode("utf-8"))


def read_json(path):
    """The Run in a results file; a one-line HarnessError names the file and the field."""
    try:
        with open(path, "rb") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise HarnessError(f"{path}: no such results file") from None
    except OSError as e:
        raise HarnessError(f"{path}: cannot read: {e.strerror}") from None
    except (ValueError, RecursionError) as e:   # not JSON, not UTF-8, nested too deep
        raise HarnessError(f"{path}: not an fsconform results file (not JSON: {e})") from None
    try:
        return Run.from_dict(data)
    except (ValueError, RecursionError) as e:
        raise HarnessError(f"{path}: not an fsconform results file: {e}") from None


# ----------------------------------------------------------------- JUnit --

def junit_xml(run):
    import xml.etree.ElementTree as ET
    counts = run.counts()
    errors = sum(counts.get(v, 0) for v in ("error", "crash", "timeout"))
    failures = sum(counts.get(v, 0) for v in ("fail", "missing", "new", "flaky"))
    suites = ET.Element("testsuites", name="fsconform", tests=str(len(run.results)),
                        failures=str(failures), errors=str(errors),
                        skipped=str(counts.get("skip", 0)), time=f"{run.duration:.3f}")
    suite = ET.SubElement(suites, "testsuite", name="fsconform", tests=str(len(run.results)),
                          failures=str(failures), errors=str(errors),
                          skipped=str(counts.get("skip", 0)), time=f"{run.duration:.3f}",
                          timestamp=run.started)
    props = ET.SubElement(suite, "properties")
    for k, v in [("profile", run.profile), ("profile_status", run.profile_status),
                 ("target", run.target)] + sorted(run.facts.items()):
        ET.SubElement(props, "property", name=k,
                      value=" ".join(v) if isinstance(v, list) else str(v))
    for r in run.results:
        case = ET.SubElement(suite, "testcase", name=r.id, classname=r.area,
                             time=f"{r.duration:.3f}")
        text = "\n".join(result_lines(r, indent=""))
        if r.verdict == "skip":
            ET.SubElement(case, "skipped", message=r.message)
        elif r.verdict in ("error", "crash", "timeout"):
            ET.SubElement(case, "error", type=r.verdict,
                          message=f"{r.verdict}: {r.message}").text = text
        elif r.verdict in FAILING:
            ET.SubElement(case, "failure", type=r.verdict,
                          message=f"{r.verdict}: {r.message}").text = text
        out = "\n".join(f"{k}={v}" for k, v in r.observations.items())
        if out:
            ET.SubElement(case, "system-out").text = out
        if r.stderr:
            ET.SubElement(case, "system-err").text = r.stderr
    for el in suites.iter():   # XML 1.0 cannot hold most control characters at all
        el.attrib = {k: escape_lines(v) for k, v in el.attrib.items()}
        if el.text:
            el.text = escape_lines(el.text)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def write_junit(path, run):
    atomic_write(path, junit_xml(run).encode("utf-8"))


# ------------------------------------------------------------------ text --

def result_lines(r, indent="    "):
    """The differences and details of one result, one line each."""
    lines = [indent + escape(describe_difference(d)) for d in r.differences]
    if r.verdict in ("error", "crash", "timeout", "flaky") and r.details:
        lines += [indent + x for x in escape_lines(r.details.rstrip()).split("\n")]
    return lines


def format_result(r, with_stderr=True, stderr_lines=10):
    head = escape(f"{r.verdict.upper():8} {r.id}" + (f": {r.message}" if r.message else ""))
    lines = [head] + result_lines(r)
    if with_stderr and r.stderr.strip() and r.verdict != "skip":
        tail = escape_lines(r.stderr.rstrip()).split("\n")[-stderr_lines:]
        lines.append("    --- stderr (last lines) ---")
        lines += ["    " + x for x in tail]
    return "\n".join(lines)


def summary_line(run, target_fs):
    c = run.counts()
    parts = ", ".join(f"{c[v]} {v}" for v in SUMMARY_ORDER if c.get(v))
    n = len(run.results)
    reps = f" x {run.repeat} runs" if run.repeat > 1 else ""
    status = ", provisional" if run.profile_status == "provisional" else ""
    return (f"{n} probe{'s' if n != 1 else ''}{reps}: {parts or 'nothing run'} "
            f"(profile {run.profile}{status}, target {run.target} on {target_fs}) "
            f"in {run.duration:.2f} s")
