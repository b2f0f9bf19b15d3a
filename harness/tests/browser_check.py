"""The matrix page in a real browser (headless Chromium).

The page checks itself when opened as matrix.html#selftest (see harness/matrix.py): it
counts the cells, ticks "only rows that differ" and counts the rows still shown, unticks
it, toggles an area filter and a probe's documentation, and collects every script error,
console.error and Content-Security-Policy violation (the page may load nothing from
anywhere). The verdict goes into document.title, which we read from the DOM Chromium
dumps.

As tests (skipped without Chromium, unless FSCONFORM_REQUIRE_BROWSER=1 as in CI):
    python3 -m unittest harness.tests.browser_check
On a page, with a screenshot:
    python3 -m harness.tests.browser_check reports/matrix.html --screenshot reports/matrix.png
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from harness import matrix

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio"]
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def find_chromium():
    env = os.environ.get("FSCONFORM_CHROMIUM")
    if env:
        return env
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _chromium(browser, *args, timeout=120):
    with tempfile.TemporaryDirectory(prefix="fsc-chromium-") as profile:
        return subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)


def _url(path, fragment=""):
    return "file://" + os.path.abspath(path) + fragment


def selftest(path, browser):
    """(passed, the self-test line) for the page at `path`."""
    p = _chromium(browser, "--virtual-time-budget=5000", "--dump-dom",
                  _url(path, "#selftest"))
    m = _TITLE.search(p.stdout)
    line = m.group(1).strip() if m else ""
    if not line.startswith("selftest "):
        tail = "\n".join(p.stderr.strip().splitlines()[-5:])
        return False, (f"no self-test verdict (title {line!r}, chromium exit {p.returncode})"
                       + (f"\n{tail}" if tail else ""))
    return line.startswith("selftest PASS "), line


def screenshot(path, png, browser, size="1400,900"):
    png = os.path.abspath(png)
    p = _chromium(browser, f"--screenshot={png}", f"--window-size={size}", _url(path))
    if p.returncode != 0 or not os.path.isfile(png):
        raise RuntimeError(f"chromium made no screenshot (exit {p.returncode}): "
                           + p.stderr.strip()[-500:])
    return png


def _numbers(line):
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


class Browser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.browser = find_chromium()
        if not cls.browser:
            if os.environ.get("FSCONFORM_REQUIRE_BROWSER") == "1":
                raise RuntimeError("FSCONFORM_REQUIRE_BROWSER=1 but no Chromium "
                                   "(apt-get install chromium)")
            raise unittest.SkipTest("no Chromium (apt-get install chromium)")
        from harness.tests.test_report import DIFFERING, fixture_sets
        cls.dir = tempfile.mkdtemp(prefix="fsc-browser-")
        cls.m = matrix.build(fixture_sets())
        cls.page = matrix.render_html(cls.m)
        cls.differing = len(DIFFERING)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def page_file(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_renders_and_filters(self):
        ok, line = selftest(self.page_file("good.html", self.page), self.browser)
        self.assertTrue(ok, line)
        n = _numbers(line)
        rows = sum(len(p.rows) for p in self.m.probes)
        cells = sum(1 for p in self.m.probes for r in p.rows for c in r.cells
                    if c.state == "obs" or c.differs)
        self.assertEqual((n["cells"], n["rows"], n["differing"]), (cells, rows, self.differing))

    def test_screenshot(self):
        png = screenshot(self.page_file("shot.html", self.page),
                         os.path.join(self.dir, "shot.png"), self.browser)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_broken_pages_fail(self):
        """The check is worth something only if it fails on a broken page."""
        breaks = {
            "script error": (self.page.replace("apply();\n})();", "apply();nosuch();\n})();", 1),
                             "ReferenceError"),
            "filter not wired": (self.page.replace(
                "onlyDiff.addEventListener('change',apply);", "", 1), "hid nothing"),
            "external fetch": (self.page.replace(
                "<h1>", '<img src="https://example.invalid/x.png"><h1>', 1), "CSP"),
            "no cells": (re.sub(r'<td class="cell[^"]*"', '<td class="x"', self.page),
                         "no cells"),
            "main script gone": (self.page.replace("var table=document.getElementById",
                                                   "throw 1;var table=document.getElementById"),
                                 "error"),
        }
        for what, (text, expect) in breaks.items():
            with self.subTest(what):
                self.assertNotEqual(text, self.page, "the break did not apply")
                ok, line = selftest(self.page_file("broken.html", text), self.browser)
                self.assertFalse(ok, line)
                self.assertIn(expect, line)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m harness.tests.browser_check",
                                 description="check the matrix page in headless Chromium")
    ap.add_argument("page", nargs="?", default=os.path.join(matrix.REPO, "reports",
                                                            "matrix.html"))
    ap.add_argument("--screenshot", metavar="PNG")
    args = ap.parse_args(argv)
    browser = find_chromium()
    if not browser:
        print("browser_check: no Chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    ok, line = selftest(args.page, browser)
    print(f"{args.page}: {line}")
    if args.screenshot:
        print(f"wrote {screenshot(args.page, args.screenshot, browser)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
