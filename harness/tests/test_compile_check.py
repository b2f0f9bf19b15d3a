"""runners/compile-check.py: what each leg refuses, and the preprocess-only list."""

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import types
import unittest

from harness.tests.fakes import REPO, script_module

SCRIPT = os.path.join(REPO, "runners", "compile-check.py")
LEGS = ("windows-gcc", "windows-clang", "macos", "freebsd")
# fixture -> source; each probe's area is `a`
FIXTURES = {
    # a branch per platform, all valid: passes every leg
    "clean": """
        #include "fsc.h"
        #if defined(_WIN32)
        static int value(void) { return 1; }
        #elif defined(__APPLE__)
        #include <sys/stat.h>
        static int value(void) { return (int)sizeof(struct stat); }
        #elif defined(__FreeBSD__)
        static int value(void) { return 3; }
        #else
        static int value(void) { return 4; }
        #endif
        int main(void) { return value() == 0; }
        """,
    # a GCC statement expression on the Windows path only
    "statement_expr": """
        #ifdef _WIN32
        int main(void) { return ({ int x = 0; x; }); }
        #else
        int main(void) { return 0; }
        #endif
        """,
    # a zero-length array, everywhere
    "zero_array": """
        struct s { int n; char tail[0]; };
        int main(void) { return (int)sizeof(struct s) < 0; }
        """,
    # a macOS branch that does not preprocess
    "apple_header": """
        #ifdef __APPLE__
        #include <no_such_header_anywhere.h>
        #endif
        int main(void) { return 0; }
        """,
    # a FreeBSD branch that does not compile; the Linux branch is never taken
    "freebsd_syntax": """
        #if defined(__FreeBSD__)
        int broken = ;
        #elif defined(__linux__)
        int broken = ;
        #endif
        int main(void) { return 0; }
        """,
}
REFUSED = {
    ("windows-gcc", "statement_expr"), ("windows-clang", "statement_expr"),
    *((leg, "zero_array") for leg in LEGS),
    ("macos", "apple_header"), ("freebsd", "freebsd_syntax"),
}


def compilers_missing():
    return [c for c in ("clang", "x86_64-w64-mingw32-gcc") if not shutil.which(c)]


@unittest.skipIf(compilers_missing(), f"not installed: {', '.join(compilers_missing())}")
class Legs(unittest.TestCase):
    def test_each_leg_refuses_its_fixtures_and_passes_the_rest(self):
        with tempfile.TemporaryDirectory() as d:
            os.mkdir(os.path.join(d, "a"))
            for name, text in FIXTURES.items():
                with open(os.path.join(d, "a", name + ".c"), "w") as f:
                    f.write(textwrap.dedent(text))
            r = subprocess.run([sys.executable, SCRIPT, "--cases", d, "--jobs", "2"],
                               capture_output=True, text=True, timeout=300)
        failed = {(line.split()[1], os.path.basename(line.split()[2])[:-2])
                  for line in r.stdout.splitlines() if line.startswith("FAIL  ")}
        self.assertEqual(failed, REFUSED, r.stdout + r.stderr)
        self.assertEqual(r.returncode, 1)
        for leg in LEGS:
            self.assertIn(f"{leg}: {len(FIXTURES)} sources\n", r.stdout)


class PreprocessOnly(unittest.TestCase):
    def setUp(self):
        self.mod = script_module(SCRIPT)
        self.mod.PREPROCESS_ONLY = {("macos", "lib/x.c"): (r"no member named 'st_a'", "why")}

    def judge(self, rc, stderr, source="lib/x.c"):
        return self.mod.judge("macos", source, types.SimpleNamespace(returncode=rc,
                                                                     stderr=stderr))

    def test_the_listed_errors_alone_pass(self):
        self.assertIsNone(self.judge(1, "lib/x.c:3:5: error: no member named 'st_a' in 'y'\n"
                                        "1 error generated.\n"))

    def test_another_error_beside_them_fails(self):
        out = ("lib/x.c:3:5: error: no member named 'st_a' in 'y'\n"
               "lib/x.c:9:1: error: expected expression\n")
        self.assertEqual(self.judge(1, out), out.strip())
        fatal = "lib/x.c:2:10: fatal error: 'mach/mach.h' file not found\n"
        self.assertEqual(self.judge(1, fatal), fatal.strip())

    def test_a_listed_source_that_compiles_is_stale(self):
        self.assertIn("compiles now", self.judge(0, ""))

    def test_an_unlisted_source_fails_on_any_error(self):
        self.assertIsNone(self.judge(0, "", source="a/y.c"))
        self.assertEqual(self.judge(1, "e\n", source="a/y.c"), "e")


class Refusals(unittest.TestCase):
    def test_a_missing_compiler_is_named_with_its_package(self):
        with tempfile.TemporaryDirectory() as empty:
            r = subprocess.run([sys.executable, SCRIPT, "--leg", "windows-gcc"],
                               capture_output=True, text=True, timeout=60,
                               env={**os.environ, "PATH": empty})
        self.assertEqual(r.returncode, 2)
        self.assertIn("x86_64-w64-mingw32-gcc not found (apt-get install gcc-mingw-w64-x86-64)",
                      r.stderr)


if __name__ == "__main__":
    unittest.main()
