"""The matrix report (HTML + Markdown) and `diff`, on hand-made result sets."""

import html
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

from harness import HarnessError, compare, diff, matrix, reports
from harness.model import Result, Run
from harness.profiles import Entry
from harness.reports import write_json
from harness.tests.fakes import REPO, FakeBuild

NASTY = '<img src=x onerror=alert(1)>&"\''


def _run(facts, profile, results, started="2026-11-21T09:00:00+00:00"):
    base = {"os": "linux", "host_os": "linux", "fs": "ext4", "root": "false", "wine": "false",
            "backend": "posix", "emulator": []}
    base.update(facts)
    return Run(harness_version="0.1.0", started=started, duration=0.1, facts=base,
               profile=profile, profile_status="verified", target="/somewhere", jobs=2,
               timeout=10.0, repeat=1, results=results)


def _r(pid, obs, verdict="pass", expected=None, message=""):
    """A result as the harness makes it: differences judged by compare."""
    exp = dict(expected or obs)
    entries = {k: Entry(tuple(v) if isinstance(v, list) else v) for k, v in exp.items()}
    return Result(id=pid, area=pid.split(".")[0], verdict=verdict, message=message,
                  observations=dict(obs), expected=exp,
                  differences=compare.differences(obs, entries))


def fixture_sets():
    """Three platforms. Differing rows (probe, observation):
    rename.over_open_other/rename (wine: sharing violation), delete.unlink_dir/unlink
    (is_dir vs denied), stdio.odd/ftell (3 vs 4 vs 5: no majority), mmap.gone/b
    (absent on wine). Not differing: lock.conflict/child_setlk (EAGAIN and
    ERROR_LOCK_VIOLATION are both lock_violation), rename.exchange (skipped on wine)."""
    ext4 = _run({}, "linux", [
        _r("rename.over_open_other", {"rename": "ok", "name_reads": "new"}),
        _r("rename.exchange", {"exchange": "ok"}),
        _r("delete.unlink_dir", {"unlink": "EISDIR", "dir_kept": "true"}),
        _r("lock.conflict", {"child_setlk": "EAGAIN"}),
        _r("stdio.odd", {"ftell": "3"}),
        _r("mmap.gone", {"a": "ok", "b": "new"}),
    ])
    tmpfs = _run({"fs": "tmpfs"}, "linux-tmpfs", [
        _r("rename.over_open_other", {"rename": "ok", "name_reads": "new"}),
        _r("rename.exchange", {"exchange": "ok"}),
        _r("delete.unlink_dir", {"unlink": "EISDIR", "dir_kept": "true"}),
        _r("lock.conflict", {"child_setlk": "EAGAIN"}),
        _r("stdio.odd", {"ftell": "4"}, verdict="fail", expected={"ftell": "3"},
           message=NASTY),
        _r("mmap.gone", {"a": "ok", "b": "new"}),
    ])
    wine = _run({"os": "windows", "wine": "true", "wine_version": "8.0", "backend": "win32"},
                "wine", [
        _r("rename.over_open_other", {"rename": "ERROR_SHARING_VIOLATION",
                                      "name_reads": "new"}),
        _r("rename.exchange", {"skip": "renameat2"}, verdict="skip", expected={},
           message="renameat2"),
        _r("delete.unlink_dir", {"unlink": "ERROR_ACCESS_DENIED", "dir_kept": "true"}),
        _r("lock.conflict", {"child_setlk": "ERROR_LOCK_VIOLATION"}),
        _r("stdio.odd", {"ftell": "5"}),
        _r("mmap.gone", {"a": "ok"}, verdict="missing", expected={"a": "ok", "b": "new"}),
    ], started="2026-11-21T10:00:00+00:00")
    return [("r-wine.json", wine), ("r-ext4.json", ext4), ("r-tmpfs.json", tmpfs)]


DIFFERING = {("rename.over_open_other", "rename"), ("delete.unlink_dir", "unlink"),
             ("stdio.odd", "ftell"), ("mmap.gone", "b")}


class _Collect(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


class Matrix(unittest.TestCase):
    def setUp(self):
        self.m = matrix.build(fixture_sets())

    def test_columns(self):
        self.assertEqual([c.label for c in self.m.columns],
                         ["linux ext4", "linux tmpfs", "wine 8.0 (windows) ext4"])
        self.assertEqual([c.profile for c in self.m.columns], ["linux", "linux-tmpfs", "wine"])
        self.assertEqual(matrix.column_label({"os": "linux", "fs": "ext4", "backend": "libuv"}),
                         "linux ext4 via libuv")
        # backends side by side on one platform: one column each, told apart
        self.assertEqual(matrix.column_label({"os": "windows", "wine": "true",
                                              "wine_version": "8.0", "fs": "ext4",
                                              "backend": "crt-ucrt"}),
                         "wine 8.0 (windows) ext4 via crt-ucrt")
        self.assertEqual(matrix.column_label({"os": "linux", "fs": "ext4", "backend": "crt-glibc",
                                              "backend_version": "2.36"}),
                         "linux ext4 via crt-glibc 2.36")

    def test_differing_rows(self):
        got = {(p.id, r.name) for p in self.m.probes for r in p.rows if r.differs}
        self.assertEqual(got, DIFFERING)

    def cells(self, pid, name):
        p = next(p for p in self.m.probes if p.id == pid)
        return next(r for r in p.rows if r.name == name).cells

    def test_majority_and_classes(self):
        c = self.cells("rename.over_open_other", "rename")
        self.assertEqual([x.differs for x in c], [False, False, True])
        self.assertEqual(c[2].cls, "sharing_violation")
        self.assertEqual(c[2].value, "ERROR_SHARING_VIOLATION")   # the raw value stays
        # no strict majority: every compared cell differs
        self.assertEqual([x.differs for x in self.cells("stdio.odd", "ftell")],
                         [True, True, True])
        self.assertEqual([x.cls for x in self.cells("lock.conflict", "child_setlk")],
                         ["lock_violation"] * 3)
        self.assertEqual([x.state for x in self.cells("rename.exchange", "exchange")],
                         ["obs", "obs", "skip"])
        self.assertEqual([x.state for x in self.cells("mmap.gone", "b")],
                         ["obs", "obs", "absent"])
        # a value the column's own profile does not expect
        self.assertEqual(self.cells("stdio.odd", "ftell")[1].expected, "3")
        # "*" in a profile expects any value: nothing to mark
        r = _r("time.x", {"n": "7"}, expected={"n": "*"})
        self.assertIsNone(matrix._row("n", [r]).cells[0].expected)

    def test_html(self):
        page = matrix.render_html(self.m)
        self.assertNotIn(NASTY, page)
        self.assertIn(matrix._e(NASTY), page)
        p = _Collect()
        p.feed(page)
        for tag, attrs in p.tags:
            for k, v in attrs.items():
                self.assertFalse(k in ("src", "href", "action", "srcset"),
                                 f"<{tag} {k}={v}>: the page must not load anything")
        self.assertNotRegex(page, r"url\(|@import|<link\b|<iframe\b")
        cells = [a for t, a in p.tags if t == "td" and "cell" in a.get("class", "").split()]
        # one per observed value
        self.assertEqual(len(cells), sum(1 for pr in self.m.probes for r in pr.rows
                                         for c in r.cells if c.state == "obs" or c.differs))
        rows = [a for t, a in p.tags if t == "tr" and a.get("class") == "obs-row"]
        self.assertEqual(sum(a["data-differs"] == "1" for a in rows), len(DIFFERING))
        self.assertEqual(sorted(a["value"] for t, a in p.tags
                                if t == "input" and a.get("class") == "area"),
                         ["delete", "lock", "mmap", "rename", "stdio"])
        self.assertIn("Content-Security-Policy", page)
        # the probe's documentation comes from its source file, when there is one
        self.assertIn("(no source file cases/stdio/odd.c in this tree)", page)

    def test_markdown(self):
        md = matrix.render_markdown(self.m)
        self.assertIn("| **`ERROR_SHARING_VIOLATION`** |", md)
        self.assertIn("| `ok` | `ok` | **`ERROR_SHARING_VIOLATION`** |", md)
        self.assertIn("| `EAGAIN` | `EAGAIN` | `ERROR_LOCK_VIOLATION` |", md)
        for area in ("delete", "lock", "mmap", "rename", "stdio"):
            self.assertIn(f"\n## {area}\n", md)
        self.assertNotIn("<img", md)

    def test_deterministic(self):
        sets = fixture_sets()
        a = matrix.render_html(matrix.build(sets)) + matrix.render_markdown(matrix.build(sets))
        sets.reverse()
        b = matrix.render_html(matrix.build(sets)) + matrix.render_markdown(matrix.build(sets))
        self.assertEqual(a, b)

    def test_docs_from_source(self):
        summary, doc = matrix.probe_doc("rename.over_open_other")
        if not os.path.exists(os.path.join(REPO, "cases", "rename", "over_open_other.c")):
            self.skipTest("no rename.over_open_other source")
        self.assertTrue(summary and not summary.startswith("rename."), summary)
        self.assertTrue(doc.startswith("rename.over_open_other"), doc[:80])


class HostileResultSet(unittest.TestCase):
    """A result set from anywhere (an old harness, a hand edit) may hold control
    characters and invalid UTF-8: every writer escapes them."""

    def test_writers_escape(self):
        bad = "x\x1b[2J\x00\x01\udcff\x85\x0b\u2028y"
        r = _r("stdio.odd", {"ftell": bad}, verdict="error", message=bad)
        r.stderr, r.details = bad + "\n" + bad, bad
        run = _run({"fs": bad}, "linux", [r])
        run.target = bad
        texts = {"junit": reports.junit_xml(run), "console": reports.format_result(r),
                 "md": matrix.render_markdown(matrix.build([("a.json", run)])),
                 "html": matrix.render_html(matrix.build([("a.json", run)]))}
        ET.fromstring(texts["junit"].encode("utf-8"))
        for what, text in texts.items():
            with self.subTest(what=what):
                self.assertEqual([c for c in text.replace("\u2003", "")
                                  if not (c.isprintable() or c in "\n\t")], [])
                self.assertIn(r"x\x1b[2J\x00\x01\xff\x85\x0b\u2028y",
                              html.unescape(text) if what in ("junit", "html") else
                              text.replace("\\\\", "\\").replace("\\[", "["))


class Cli(unittest.TestCase):
    """report and diff as users run them; neither needs a build."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="fsc-report-")
        self.paths = {}
        for name, run in fixture_sets():
            self.paths[name] = os.path.join(self.dir, name)
            write_json(self.paths[name], run)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def cli(self, *args):
        return subprocess.run([sys.executable, "-m", "harness", "--build",
                               os.path.join(self.dir, "no-build"), *args], cwd=REPO,
                              capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, PYTHONPATH=REPO))

    def test_report(self):
        out_html, out_md = os.path.join(self.dir, "m.html"), os.path.join(self.dir, "m.md")
        p = self.cli("report", *self.paths.values(), "--html", out_html, "--md", out_md)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("4 rows differ", p.stdout)
        with open(out_html) as f:
            first = f.read()
        p = self.cli("report", *reversed(list(self.paths.values())), "--html", out_html,
                     "--md", out_md)
        with open(out_html) as f:
            self.assertEqual(f.read(), first)
        p = self.cli("report", os.path.join(self.dir, "nope.json"), "--html", out_html)
        self.assertEqual(p.returncode, 2)
        self.assertRegex(p.stderr, r"^fsconform: .*nope.json: no such results file\n\Z")

    def test_check_finds_a_stale_matrix(self):
        md, page = os.path.join(self.dir, "m.md"), os.path.join(self.dir, "m.html")
        sets = list(self.paths.values())
        self.assertEqual(self.cli("report", *sets, "--md", md, "--html", page).returncode, 0)
        p = self.cli("report", *sets, "--md", md, "--html", page, "--check")
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "", ""))
        with open(md, "a") as f:
            f.write("edited by hand\n")
        p = self.cli("report", *sets, "--md", md, "--html", page, "--check")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stderr, f"fsconform: {md} is not what the result sets make; "
                                   f"regenerate with: python3 -m harness report "
                                   f"{' '.join(sets)} --html {page} --md {md}\n")
        os.unlink(page)
        p = self.cli("report", *sets, "--md", md, "--html", page, "--check")
        self.assertRegex(p.stderr, r"^fsconform: \S+m\.html and \S+m\.md are not")

    def test_committed_matrix_is_current(self):
        """reports/ is what `python3 -m harness report` makes from reports/results/."""
        p = self.cli("report", "--check")
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_bad_result_sets(self):
        """A file whose fields have the wrong types: one line naming file and field."""
        with open(self.paths["r-ext4.json"]) as f:
            good = json.load(f)

        def spoiled(change):
            d = json.loads(json.dumps(good))
            change(d)
            return d
        cases = [
            (spoiled(lambda d: d.update(facts="x")), r"facts: expected an object, got a string"),
            (spoiled(lambda d: d.update(results={})), r"results: expected a list, got an object"),
            (spoiled(lambda d: d["results"][2].update(id=5)),
             r"results\[2\]\.id: expected a string, got an integer"),
            (spoiled(lambda d: d["results"][0]["observations"].update(rename=[1])),
             r"results\[0\]\.observations\.rename: expected a string, got a list"),
            (spoiled(lambda d: d["results"][0].update(verdict="great")),
             r"results\[0\]\.verdict: unknown verdict 'great'"),
            (spoiled(lambda d: d["results"][0].update(differences=[3])),
             r"results\[0\]\.differences\[0\]: expected an object, got an integer"),
            (spoiled(lambda d: d["facts"].update(emulator=[None])),
             r"facts\.emulator\[0\]: expected a string, got null"),
            (spoiled(lambda d: d.update(jobs=True)), r"jobs: expected an integer, got true/false"),
            (spoiled(lambda d: d.pop("target")), r"the file: no field 'target'"),
            ([], r"the file: expected an object, got a list"),
        ]
        bad = os.path.join(self.dir, "bad.json")
        for i, (data, pattern) in enumerate(cases):
            with open(bad, "w") as f:
                json.dump(data, f)
            with self.subTest(pattern=pattern):
                with self.assertRaisesRegex(HarnessError, r"^\S*bad\.json: not an fsconform "
                                                          r"results file: " + pattern + r"\Z"):
                    reports.read_json(bad)
            if i:
                continue
            for args in (["report", bad, "--md", os.path.join(self.dir, "m.md")],
                         ["diff", bad, self.paths["r-wine.json"]],
                         ["record", bad, "--name", "x", "--out", os.path.join(self.dir, "x.toml")]):
                with self.subTest(pattern=pattern, command=args[0]):
                    p = self.cli(*args)
                    self.assertEqual(p.returncode, 2, p.stderr)
                    self.assertRegex(p.stderr, r"^fsconform: .*bad\.json: not an fsconform "
                                               r"results file: " + pattern + r"\n\Z")
        for text, pattern in (("[" * 100000, "not JSON"), ("\xff", "not JSON")):
            with open(bad, "w", encoding="latin-1") as f:
                f.write(text)
            p = self.cli("report", bad)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertRegex(p.stderr, r"^fsconform: .*bad\.json: not an fsconform results "
                                       r"file \(" + pattern + r"[^\n]*\n\Z")

    def test_diff_results(self):
        p = self.cli("diff", self.paths["r-ext4.json"], self.paths["r-wine.json"])
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertRegex(p.stdout, r"rename\.over_open_other +rename +ok +ERROR_SHARING_VIOLATION")
        self.assertRegex(p.stdout, r"lock\.conflict +child_setlk +EAGAIN +ERROR_LOCK_VIOLATION"
                                   r" +same class: lock_violation")
        self.assertRegex(p.stdout, r"rename\.exchange +\(probe\) +ran +skip: renameat2")
        self.assertRegex(p.stdout, r"mmap\.gone +b +new +-")
        self.assertIn("\n6 differences in 6 probes\n", p.stdout)
        p = self.cli("diff", self.paths["r-ext4.json"], self.paths["r-ext4.json"])
        self.assertEqual((p.returncode, p.stdout.splitlines()[-1]), (0, "no differences"))

    def test_diff_against_own_profile(self):
        """Without B, a result set is compared with the profile that judged it."""
        alone = self.cli("diff", self.paths["r-ext4.json"])
        both = self.cli("diff", self.paths["r-ext4.json"], "linux")
        self.assertEqual((alone.returncode, alone.stdout, alone.stderr),
                         (both.returncode, both.stdout, both.stderr))
        self.assertIn("B: profile linux (verified)", alone.stdout)
        unjudged = os.path.join(self.dir, "none.json")
        write_json(unjudged, _run({}, "none", [_r("rename.exchange", {"exchange": "ok"})]))
        for args in ([unjudged], ["linux"]):
            with self.subTest(args=args):
                p = self.cli("diff", *args)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertRegex(p.stderr, r"^fsconform: \S+: give B too: A alone must be a "
                                           r"result set judged by a profile")

    def test_diff_profile_file(self):
        prof = os.path.join(self.dir, "mine.toml")
        with open(prof, "w") as f:
            f.write('[profile]\nname = "mine"\n\n[stdio.odd]\nftell = ["3", "4"]\n'
                    '[delete.unlink_dir]\nunlink = "EISDIR"\n')
        p = self.cli("diff", self.paths["r-tmpfs.json"], prof)
        # stdio.odd ftell=4 is allowed; rename etc. are not in the profile
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertNotIn("stdio.odd", p.stdout)
        self.assertRegex(p.stdout, r"rename\.over_open_other +rename +ok +-")
        p = self.cli("diff", prof, prof)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        p = self.cli("diff", "no-such-profile", prof)
        self.assertEqual(p.returncode, 2)
        self.assertIn("neither a results file nor a profile", p.stderr)

    def test_diff_any_and_absent(self):
        """A profile's "*" agrees with any reported value, "-" with none."""
        prof = os.path.join(self.dir, "marks.toml")
        with open(prof, "w") as f:
            f.write('[profile]\nname = "marks"\n\n[stdio.odd]\nftell = "*"\ngone = "-"\n')
        p = self.cli("diff", self.paths["r-tmpfs.json"], prof)
        self.assertNotIn("stdio.odd", p.stdout)
        with open(prof, "w") as f:
            f.write('[profile]\nname = "marks"\n\n[stdio.odd]\nftell = "-"\ngone = "*"\n')
        p = self.cli("diff", self.paths["r-tmpfs.json"], prof)
        self.assertRegex(p.stdout, r"stdio\.odd +ftell +4 +-")
        self.assertRegex(p.stdout, r"stdio\.odd +gone +- +\*")


class DiffMarkdown(unittest.TestCase):
    def test_table_with_why_and_escapes(self):
        fb = FakeBuild({"rename.ok": "#!/bin/sh\n", "lock.x": "#!/bin/sh\n"}, {
            "doc": '[profile]\nname = "doc"\nstatus = "provisional"\n'
                   '[rename.ok]\nref = "rename(2)"\n'
                   'rename = { is = "ok", why = "atomic | replace" }\nread = "old"\n'
                   '[lock.x]\nlock = { is = "EAGAIN", ref = "fcntl(2)" }\n'})
        self.addCleanup(fb.cleanup)
        profiles = diff.load_profiles(fb.root)
        run = _run({"os": "macos", "fs": "apfs"}, "doc", [
            _r("rename.ok", {"rename": "EACCES|x", "read": "old", "extra": "1"}),
            _r("lock.x", {}, verdict="crash", message="SIGSEGV")])
        a = diff.results_side("ci-macos.json", run)
        b = diff.load_side("doc", lambda: profiles)
        text = diff.format_markdown(diff.differences(a, b), a, b)
        self.assertEqual(text.splitlines(), [
            "- **A**: results ci-macos.json: macos apfs, run 2026-11-21T09:00:00+00:00, "
            "profile doc",
            "- **B**: profile doc (provisional)",
            "",
            "**Different values** (2)",
            "",
            "| probe | observation | A: got | B: expected | classes | why; ref |",
            "|---|---|---|---|---|---|",
            "| lock.x | (probe) | crash: SIGSEGV | expects observations |  |  |",
            "| rename.ok | rename | EACCES\\|x | ok |  | atomic \\| replace; rename(2) |",
            "",
            "**On one side only** (1)",
            "",
            "| probe | observation | A: got | B: expected | classes | why; ref |",
            "|---|---|---|---|---|---|",
            "| rename.ok | extra | 1 | - |  |  |",
            "",
            "3 differences in 2 probes"])
        same = diff.format_markdown([], b, b)
        self.assertEqual(same.splitlines()[-1], "no differences")
        self.assertNotIn("|", same)


class DiffProfiles(unittest.TestCase):
    def test_profiles_by_name(self):
        fb = FakeBuild({"rename.ok": "#!/bin/sh\n", "rename.bad": "#!/bin/sh\n"}, {
            "base": '[profile]\nname = "base"\n[rename.ok]\nrename = "ok"\n'
                    'rmdir = ["EEXIST", "ENOTEMPTY"]\n',
            "child": '[profile]\nname = "child"\ninherits = ["base"]\n'
                     '[rename.ok]\nrmdir = ["ENOTEMPTY", "EEXIST"]\n'
                     '[rename.bad]\nread = "new"\n'})
        self.addCleanup(fb.cleanup)
        profiles = diff.load_profiles(fb.root)
        a = diff.load_side("base", lambda: profiles)
        b = diff.load_side("child", lambda: profiles)
        # the same allowed set in another order agrees; the inherited entry agrees
        self.assertEqual(diff.differences(a, b), [("rename.bad", "read", "-", "new", "")])


if __name__ == "__main__":
    unittest.main()
