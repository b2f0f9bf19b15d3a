"""The matrix report: behaviours down, platforms across, from one or many result sets.

build() turns result sets (harness.model.Run) into a Matrix; render_html() and
render_markdown() write it. Both outputs depend only on the result sets and the probes'
documentation headers (cases/<area>/<name>.c), so regenerating without changes gives
no diff: no clock, no host paths.

Rows are (probe, observation). A cell holds the raw value and its outcome class
(harness.outcomes). A cell *differs* when its comparison key (the class; the raw value
for plain facts and unclassified errors) is not the row's majority key; when no key
has a strict majority (two platforms that disagree), every compared cell differs.
Cells of probes that did not run or were skipped on a platform take no part; a probe
that ran to completion without reporting the observation counts as `absent`.
"""

import html
import os
from collections import Counter
from dataclasses import dataclass, field

from harness import __version__, discovery, outcomes
from harness import facts as factsmod
from harness.printable import escape, escape_lines

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPLETED = frozenset(("pass", "fail", "new", "missing", "flaky"))


@dataclass
class Column:
    label: str
    profile: str
    profile_status: str
    facts: dict
    started: str
    source: str          # the result set's file name
    counts: dict


@dataclass
class Cell:
    state: str           # obs | absent | skip | not_run | broken
    value: str = ""      # raw value ("" unless state is obs)
    cls: str = ""        # outcome class ("" unless state is obs)
    key: str = ""        # comparison key ("" when the cell takes no part)
    expected: object = None   # the column's profile expectation, when the value differs from it
    differs: bool = False


@dataclass
class Row:
    name: str
    cells: list
    differs: bool = False


@dataclass
class ProbeBlock:
    id: str
    area: str
    summary: str
    doc: str
    verdicts: list       # per column: (verdict, message) or None (not run)
    rows: list = field(default_factory=list)

    @property
    def differs(self):
        return any(r.differs for r in self.rows)


@dataclass
class Matrix:
    columns: list
    probes: list

    def areas(self):
        return sorted({p.area for p in self.probes})


# ---------------------------------------------------------------- columns --

def column_label(facts):
    """`linux ext4`, `wine 8.0 (windows) ext4`, `linux ext4 via libuv`."""
    os_ = facts.get("os") or "?"
    head = os_
    if str(facts.get("wine", "")).lower() == "true":
        head = " ".join(x for x in ("wine", str(facts.get("wine_version") or "")) if x)
        head += f" ({os_})"
    label = f"{head} {facts.get('fs') or '?'}"
    backend = str(facts.get("backend") or "")
    if backend not in factsmod.NATIVE_BACKENDS:
        label += " via " + " ".join(x for x in (backend, str(facts.get("backend_version") or ""))
                                    if x)
    return label


def describe_facts(facts):
    keys = ("os", "fs", "wine", "wine_version", "backend", "backend_version", "root",
            "kernel", "fuse")
    shown = [f"{k}={facts[k]}" for k in keys if facts.get(k) not in (None, "", [])]
    shown += [f"{k}={v}" for k, v in sorted(facts.items())
              if k not in keys and k not in ("emulator", "host_os")
              and isinstance(v, (str, int)) and v != ""]
    return " ".join(shown)


# ------------------------------------------------------------------ build --

def probe_doc(probe_id, source_dir=REPO):
    """(summary line, documentation header) of a probe, from its source file."""
    area, _, name = probe_id.partition(".")
    rel = os.path.join("cases", area, name + ".c")
    path = os.path.join(source_dir, rel)
    if not os.path.isfile(path):
        return "", f"(no source file {rel} in this tree)"
    doc = discovery.read_doc(path)
    first = doc.splitlines()[0] if doc else ""
    for sep in (" \u2014 ", " - "):
        if first.startswith(probe_id + sep):
            first = first[len(probe_id) + len(sep):]
            break
    return first.strip(), doc


def build(sets, source_dir=REPO):
    """sets: [(file name, Run)]. Columns are sorted by label, then file name."""
    sets = sorted(sets, key=lambda s: (column_label(s[1].facts), s[0]))
    labels = Counter(column_label(run.facts) for _, run in sets)
    columns = []
    for fname, run in sets:
        label = column_label(run.facts)
        if labels[label] > 1:
            label += f" [{os.path.splitext(fname)[0]}]"
        columns.append(Column(label=label, profile=run.profile,
                              profile_status=run.profile_status, facts=run.facts,
                              started=run.started, source=fname, counts=run.counts()))
    by_col = [{r.id: r for r in run.results} for _, run in sets]
    ids = sorted(set().union(*(m.keys() for m in by_col))) if by_col else []
    probes = []
    for pid in ids:
        results = [m.get(pid) for m in by_col]
        any_r = next(r for r in results if r is not None)
        summary, doc = probe_doc(pid, source_dir)
        block = ProbeBlock(id=pid, area=any_r.area, summary=summary, doc=doc,
                           verdicts=[(r.verdict, r.message) if r else None for r in results])
        names = []
        for r in results:
            if r is not None and r.verdict != "skip":
                names += [n for n in r.observations if n not in names]
        for name in names:
            block.rows.append(_row(name, results))
        probes.append(block)
    return Matrix(columns=columns, probes=probes)


def _row(name, results):
    cells = []
    for r in results:
        if r is None:
            cells.append(Cell("not_run"))
        elif r.verdict == "skip":
            cells.append(Cell("skip"))
        elif name in r.observations:
            v = str(r.observations[name])
            # the run's own judgement (compare.differences), not a second one here
            unexpected = any(d["name"] == name and d["kind"] == "fail" for d in r.differences)
            cells.append(Cell("obs", value=v, cls=outcomes.classify(v, name),
                              key=outcomes.compare_key(v, name),
                              expected=r.expected.get(name) if unexpected else None))
        elif r.verdict in COMPLETED:
            cells.append(Cell("absent", key="absent"))
        else:
            cells.append(Cell("broken"))
    keys = Counter(c.key for c in cells if c.key)
    row = Row(name=name, cells=cells, differs=len(keys) > 1)
    if row.differs:
        top = keys.most_common()
        majority = top[0][0] if top[0][1] > top[1][1] else None
        for c in cells:
            c.differs = bool(c.key) and c.key != majority
    return row


# ------------------------------------------------------------------- HTML --

_CLASS_COLOURS = {
    "ok": "#d4f0d4", "value": "#ffffff", "denied": "#f7c6c6",
    "sharing_violation": "#ffd8a8", "lock_violation": "#ffe9a8", "busy": "#e4d0f5",
    "not_found": "#cfe2ff", "exists": "#c8efe9", "not_empty": "#e8dccb",
    "is_dir": "#d9e6c3", "not_dir": "#e6e6c3", "invalid": "#f5d0e6",
    "cross_device": "#d0f0f5", "unsupported": "#e0e0e0", "delete_pending": "#fbd3ea",
    "bad_handle": "#f0e0c0", "fault": "#e8a0a0", "error": "#f2b8b8",
}
_VERDICT_COLOURS = {
    "pass": "#2e7d32", "fail": "#c62828", "new": "#ef6c00", "missing": "#ef6c00",
    "skip": "#757575", "error": "#8e0000", "crash": "#8e0000", "timeout": "#8e0000",
    "flaky": "#6a1b9a",
}

_CSS = """
body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:16px;color:#222}
h1{font-size:20px;margin:0 0 8px}h2{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse}
.platforms td,.platforms th{border:1px solid #ccc;padding:3px 6px;text-align:left;
 vertical-align:top}
#controls{position:sticky;top:0;background:#fafafa;border:1px solid #ddd;padding:6px 8px;
 margin:10px 0;z-index:3;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
#controls label{white-space:nowrap}
#matrix th,#matrix td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
#matrix thead th{position:sticky;top:44px;background:#eee;z-index:2;text-align:left}
#matrix thead .prof{font-weight:normal;color:#555;font-size:11px;display:block}
tr.probe th,tr.probe td{background:#f2f4f8;border-top:2px solid #999}
tr.probe th{text-align:left;font-weight:normal;max-width:40em}
button.pid{font:bold 13px ui-monospace,Menlo,Consolas,monospace;background:none;border:0;
 padding:0;cursor:pointer;color:#0b3d91;text-align:left}
button.pid::before{content:"\\25b8 ";color:#888}
tbody.open button.pid::before{content:"\\25be "}
.summary{color:#444;margin-left:6px}
tr.doc{display:none}tbody.open tr.doc{display:table-row}
tr.doc pre{margin:4px 0;white-space:pre-wrap;font-size:12px;max-width:100em}
td.obs{font-family:ui-monospace,Menlo,Consolas,monospace;padding-left:18px;color:#333}
td.cell{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
td.cell.d{outline:2px solid #d00;outline-offset:-2px;font-weight:bold}
td.cell.d::after{content:" \\2260";color:#d00}
td.cell.unexp{text-decoration:underline dotted #c00}
td.none{color:#999;background:#fafafa;font-style:italic}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 5px;font-size:11px;
 font-weight:bold}
.legend span{display:inline-block;border:1px solid #ccc;padding:0 5px;margin:1px 2px;
 font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.hidden{display:none !important}
#count{color:#555}
"""

# Collects errors before anything else runs, so the self-test can report them.
_EARLY_JS = """
window.fscErrors=[];
window.addEventListener('error',function(e){fscErrors.push('error: '+e.message);});
window.addEventListener('unhandledrejection',function(e){fscErrors.push('rejection: '+e.reason);});
document.addEventListener('securitypolicyviolation',function(e){
 fscErrors.push('blocked by CSP: '+e.violatedDirective+' '+e.blockedURI);});
(function(){var ce=console.error;console.error=function(){
 fscErrors.push('console.error: '+Array.prototype.join.call(arguments,' '));
 return ce.apply(console,arguments);};})();
"""

_JS = """
(function(){
var table=document.getElementById('matrix');
var blocks=Array.prototype.slice.call(table.tBodies);
var onlyDiff=document.getElementById('only-diff');
var search=document.getElementById('search');
var areaBoxes=Array.prototype.slice.call(document.querySelectorAll('input.area'));
function apply(){
 var areas={};areaBoxes.forEach(function(b){areas[b.value]=b.checked;});
 var q=search.value.trim().toLowerCase();var shown=0,total=0;
 blocks.forEach(function(tb){
  var rows=tb.querySelectorAll('tr.obs-row');var visible=0;
  var hideBlock=!areas[tb.dataset.area]||(q&&tb.dataset.id.toLowerCase().indexOf(q)<0);
  rows.forEach(function(tr){total++;
   var hide=hideBlock||(onlyDiff.checked&&tr.dataset.differs!=='1');
   tr.classList.toggle('hidden',hide);if(!hide){visible++;}});
  shown+=visible;
  tb.classList.toggle('hidden',hideBlock||(onlyDiff.checked&&visible===0));
 });
 document.getElementById('count').textContent=shown+' of '+total+' rows shown';
}
onlyDiff.addEventListener('change',apply);search.addEventListener('input',apply);
areaBoxes.forEach(function(b){b.addEventListener('change',apply);});
document.getElementById('all-areas').addEventListener('click',function(){
 areaBoxes.forEach(function(b){b.checked=true;});apply();});
table.addEventListener('click',function(e){
 var b=e.target.closest('button.pid');if(!b){return;}
 var tb=b.closest('tbody');tb.classList.toggle('open');
 b.setAttribute('aria-expanded',tb.classList.contains('open')?'true':'false');});
apply();
})();
"""

# Opened as matrix.html#selftest, the page checks itself once loaded and writes the
# verdict into its title and a <pre id="selftest-result"> (harness/tests/browser_check.py).
_SELFTEST_JS = """
window.addEventListener('load',function(){setTimeout(function(){
if(location.hash!=='#selftest'){return;}
function visibleRows(){return Array.prototype.filter.call(
 document.querySelectorAll('#matrix tr.obs-row'),
 function(tr){return tr.offsetParent!==null;}).length;}
var problems=[];
var cells=document.querySelectorAll('#matrix td.cell').length;
if(cells===0){problems.push('no cells');}
var before=visibleRows();
document.getElementById('only-diff').click();
var after=visibleRows();
if(!(after<before)){problems.push('only-differing hid nothing ('+before+' rows)');}
document.getElementById('only-diff').click();
var restored=visibleRows();
if(restored!==before){problems.push('unticking showed '+restored+' of '+before+' rows');}
var box=document.querySelector('input.area');
if(box){box.click();var fewer=visibleRows();box.click();
 if(!(fewer<before)){problems.push('area filter hid nothing');}}
var pid=document.querySelector('button.pid');
if(pid){pid.click();var doc=pid.closest('tbody').querySelector('tr.doc');
 if(!doc||doc.offsetParent===null){problems.push('documentation did not open');}pid.click();}
problems=problems.concat(window.fscErrors);
var verdict=problems.length?'FAIL':'PASS';
var text='selftest '+verdict+' cells='+cells+' rows='+before+' differing='+after+
 (problems.length?' problems: '+problems.join('; '):'');
document.title=text;
var out=document.createElement('pre');out.id='selftest-result';out.textContent=text;
document.body.insertBefore(out,document.body.firstChild);
},0);});
"""

_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'")


def _e(s):
    return html.escape(escape_lines(s), quote=True)


def _fmt_expected(exp):
    return "one of " + ", ".join(exp) if isinstance(exp, list) else str(exp)


def _cell_html(cell, col):
    if cell.state == "obs":
        tip = f"{col.label}: {cell.value} ({cell.cls})"
        css = ["cell"]
        if cell.differs:
            css.append("d")
            tip += " \u2014 differs from the row's majority"
        if cell.expected is not None:
            css.append("unexp")
            tip += f"; profile {col.profile} expects {_fmt_expected(cell.expected)}"
        return (f'<td class="{" ".join(css)}" data-class="{_e(cell.cls)}" '
                f'style="background:{_CLASS_COLOURS.get(cell.cls, "#fff")}" '
                f'title="{_e(tip)}">{_e(cell.value)}</td>')
    text = {"not_run": "", "skip": "skip", "absent": "\u2014", "broken": "?"}[cell.state]
    tip = {"not_run": "not run on this platform", "skip": "probe skipped",
           "absent": "not reported", "broken": "the probe broke before reporting it"}[cell.state]
    css = "cell none d" if cell.differs else "none"
    return f'<td class="{css}" title="{_e(col.label + ": " + tip)}">{text}</td>'


def _verdict_html(v):
    if v is None:
        return '<td class="none" title="not run">not run</td>'
    verdict, message = v
    tip = verdict + (f": {message}" if message else "")
    return (f'<td><span class="badge" style="background:{_VERDICT_COLOURS.get(verdict, "#444")}"'
            f' title="{_e(tip)}">{_e(verdict)}</span></td>')


def render_html(m):
    ncols = len(m.columns)
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
           f'<meta http-equiv="Content-Security-Policy" content="{_e(_CSP)}">\n',
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
           '<title>fsconform matrix</title>\n',
           f'<style>{_CSS}</style>\n<script>{_EARLY_JS}</script>\n</head>\n<body>\n',
           '<h1>fsconform: file semantics across platforms</h1>\n',
           f'<p>{len(m.probes)} probes, {sum(len(p.rows) for p in m.probes)} observations, '
           f'{ncols} platform{"s" if ncols != 1 else ""}. Generated by '
           f'<code>python3 -m harness report</code> (harness {_e(__version__)}). '
           'Click a probe id for its documentation; hover a cell for its outcome class '
           'and what its profile expects.</p>\n',
           '<h2>Platforms</h2>\n<table class="platforms"><tr><th>column</th><th>profile</th>'
           '<th>facts</th><th>run started</th><th>verdicts</th><th>result set</th></tr>\n']
    for c in m.columns:
        counts = ", ".join(f"{n} {v}" for v, n in sorted(c.counts.items()))
        out.append(f'<tr><td>{_e(c.label)}</td><td>{_e(c.profile)} ({_e(c.profile_status)})'
                   f'</td><td>{_e(describe_facts(c.facts))}</td><td>{_e(c.started)}</td>'
                   f'<td>{_e(counts)}</td><td>{_e(c.source)}</td></tr>\n')
    out.append('</table>\n<h2>Outcome classes</h2>\n<p class="legend">')
    for cls, desc in outcomes.CLASSES:
        out.append(f'<span style="background:{_CLASS_COLOURS[cls]}" title="{_e(desc)}">'
                   f'{_e(cls)}</span>')
    out.append('<br>A cell framed in red with \u2260 differs from its row\u2019s majority '
               '(by class for errors, by value for plain facts); a dotted underline marks a '
               'value its own profile does not expect; \u2014 = not reported.</p>\n')
    out.append('<div id="controls"><label><input type="checkbox" id="only-diff"> '
               'only rows that differ</label><span>areas:')
    for a in m.areas():
        out.append(f' <label><input type="checkbox" class="area" value="{_e(a)}" checked> '
                   f'{_e(a)}</label>')
    out.append(' <button type="button" id="all-areas">all</button></span>'
               '<label>probe <input type="search" id="search" placeholder="id contains"></label>'
               '<span id="count"></span></div>\n')
    out.append('<table id="matrix">\n<thead><tr><th>probe / observation</th>')
    for c in m.columns:
        out.append(f'<th>{_e(c.label)}<span class="prof">profile {_e(c.profile)}</span></th>')
    out.append('</tr></thead>\n')
    for p in m.probes:
        out.append(f'<tbody data-area="{_e(p.area)}" data-id="{_e(p.id)}" '
                   f'data-differs="{1 if p.differs else 0}">\n<tr class="probe"><th>'
                   f'<button type="button" class="pid" aria-expanded="false" '
                   f'title="{_e(p.summary)}">{_e(p.id)}</button>'
                   f'<span class="summary">{_e(p.summary)}</span></th>')
        out += [_verdict_html(v) for v in p.verdicts]
        out.append(f'</tr>\n<tr class="doc"><td colspan="{ncols + 1}"><pre>{_e(p.doc)}'
                   f'</pre></td></tr>\n')
        for r in p.rows:
            out.append(f'<tr class="obs-row" data-differs="{1 if r.differs else 0}">'
                       f'<td class="obs">{_e(r.name)}</td>')
            out += [_cell_html(c, col) for c, col in zip(r.cells, m.columns)]
            out.append('</tr>\n')
        out.append('</tbody>\n')
    out.append(f'</table>\n<script>{_JS}</script>\n<script>{_SELFTEST_JS}</script>\n'
               '</body>\n</html>\n')
    return "".join(out)


# --------------------------------------------------------------- Markdown --

def md_text(s):
    s = escape(s).replace("\\", "\\\\")
    for ch in "|*_`[]<>#":
        s = s.replace(ch, "\\" + ch)
    return s


def _md_code(s):
    s = escape(s).replace("|", "\\|")
    return f"`` {s} ``" if "`" in s else f"`{s}`"


def _md_cell(cell):
    if cell.state == "obs":
        text = _md_code(cell.value)
    else:
        text = {"not_run": "", "skip": "skip", "absent": "\u2014", "broken": "?"}[cell.state]
    return f"**{text}**" if cell.differs and text else text


def render_markdown(m):
    out = ["# fsconform matrix", "",
           f"{len(m.probes)} probes, {sum(len(p.rows) for p in m.probes)} observations, "
           f"{len(m.columns)} platforms; generated by `python3 -m harness report` from the "
           "result sets listed below (the HTML version, `matrix.html`, has the probes' "
           "documentation, outcome classes and filters).", "",
           "A **bold** cell differs from its row's majority: by outcome class for errors "
           "(`EACCES` and `ERROR_ACCESS_DENIED` are both *denied*), by value for plain "
           "facts. Under each probe, its verdict against each platform's own profile. "
           "\u2014 = not reported, `?` = the probe broke first, skip = does not apply there.",
           "", "## Platforms", "",
           "| column | profile | facts | run started | verdicts | result set |",
           "|---|---|---|---|---|---|"]
    for c in m.columns:
        counts = ", ".join(f"{n} {v}" for v, n in sorted(c.counts.items()))
        out.append(f"| {md_text(c.label)} | {md_text(c.profile)} "
                   f"({md_text(c.profile_status)}) | {md_text(describe_facts(c.facts))} | "
                   f"{md_text(c.started)} | {md_text(counts)} | {md_text(c.source)} |")
    differing = [p.id for p in m.probes if p.differs]
    out += ["", f"Probes with differing rows: {len(differing)} of {len(m.probes)}"
            + (": " + ", ".join(md_text(x) for x in differing) if differing else "") + "."]
    for area in m.areas():
        out += ["", f"## {area}", "",
                "| probe / observation | " + " | ".join(md_text(c.label) for c in m.columns)
                + " |", "|---" * (len(m.columns) + 1) + "|"]
        for p in (p for p in m.probes if p.area == area):
            head = f"**{md_text(p.id)}**" + (f" \u2014 {md_text(p.summary)}" if p.summary
                                               else "")
            out.append(f"| {head} | " + " | ".join(
                "not run" if v is None else md_text(v[0]) for v in p.verdicts) + " |")
            for r in p.rows:
                out.append(f"| \u2003{md_text(r.name)} | "
                           + " | ".join(_md_cell(c) for c in r.cells) + " |")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- loading --

def load_sets(paths):
    """[(file name, Run)] from results JSON files; a HarnessError names a bad one."""
    from harness.reports import read_json
    return [(os.path.basename(path), read_json(path)) for path in paths]



# ---------------------------------------------------------------- command --

def _check(outputs, m, args):
    """report --check: 0 if every file is what `report` would write, else 1 and one line."""
    import sys
    stale = []
    for path, render in outputs:
        if path:
            try:
                with open(path, "rb") as f:
                    same = f.read() == render(m).encode("utf-8")
            except OSError:
                same = False
            if not same:
                stale.append(os.path.relpath(path) if path.startswith(REPO) else path)
    if not stale:
        return 0
    again = ["python3 -m harness report"] + args.results
    again += [f"--html {args.html}"] if args.html else []
    again += [f"--md {args.md}"] if args.md else []
    print(f"fsconform: {' and '.join(stale)} {'is' if len(stale) == 1 else 'are'} not what the "
          f"result sets make; regenerate with: {' '.join(again)}", file=sys.stderr)
    return 1

DEFAULT_RESULTS = os.path.join("reports", "results")


def add_parser(sub, common):
    s = sub.add_parser("report", parents=[common],
                       help="the matrix (HTML + Markdown) from one or many result sets")
    s.add_argument("results", nargs="*", metavar="RESULTS.json",
                   help=f"result sets (default: {DEFAULT_RESULTS}/*.json)")
    s.add_argument("--html", metavar="FILE",
                   help="write the HTML here (with neither --html nor --md: "
                        "reports/matrix.html and reports/MATRIX.md)")
    s.add_argument("--md", metavar="FILE", help="write the Markdown here")
    s.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if the files are not what the result sets make")


def command(ctx, args):
    """python3 -m harness report: needs no build, only result sets."""
    from harness import HarnessError
    from harness.reports import atomic_write
    paths = args.results
    if not paths:
        d = os.path.join(REPO, DEFAULT_RESULTS)
        try:
            paths = sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".json"))
        except OSError:
            paths = []
        if not paths:
            raise HarnessError(f"no result sets in {DEFAULT_RESULTS}/; name RESULTS.json files "
                               f"(python3 -m harness run --results FILE.json writes one)")
    m = build(load_sets(paths))
    outputs = [(args.html, render_html), (args.md, render_markdown)]
    if not args.html and not args.md:
        outputs = [(os.path.join(REPO, "reports", "matrix.html"), render_html),
                   (os.path.join(REPO, "reports", "MATRIX.md"), render_markdown)]
    if args.check:
        return _check(outputs, m, args)
    rows = sum(len(p.rows) for p in m.probes)
    differing = sum(r.differs for p in m.probes for r in p.rows)
    print(f"{len(m.probes)} probes, {rows} rows x {len(m.columns)} platforms "
          f"({', '.join(c.label for c in m.columns)}); {differing} rows differ")
    for path, render in outputs:
        if path:
            atomic_write(path, render(m).encode("utf-8"))
            print(f"wrote {path}")
    return 0
