"""cases/lib/tests/check_imports.py: a backend's object may call its library only."""

import os
import subprocess
import sys
import tempfile
import unittest

from harness.tests.fakes import REPO

SCRIPT = os.path.join(REPO, "cases", "lib", "tests", "check_imports.py")


class CheckImports(unittest.TestCase):
    def check(self, symbols, backend="crt", system="windows"):
        with tempfile.TemporaryDirectory() as d:
            nm = os.path.join(d, "nm")
            with open(nm, "w") as f:   # a fake nm: prints the undefined symbols given
                f.write("#!/bin/sh\n" + "".join(f"echo '                 U {s}'\n"
                                                for s in symbols))
            os.chmod(nm, 0o755)
            objs = [os.path.join(d, n) for n in ("fsc_core.c.obj", f"ops_{backend}.c.obj")]
            return subprocess.run([sys.executable, SCRIPT, nm, backend, system, *objs],
                                  capture_output=True, text=True)

    def test_library_calls_pass(self):
        p = self.check(["__imp__wsopen", "__imp__wrename", "__imp_MultiByteToWideChar"])
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_a_native_file_call_fails(self):
        p = self.check(["__imp__wsopen", "__imp_CreateFileW", "__imp_MoveFileExW"])
        self.assertEqual(p.returncode, 1)
        self.assertIn("CreateFileW, MoveFileExW", p.stdout)

    def test_a_system_call_beside_libuv_fails(self):
        p = self.check(["uv_fs_open", "renameat2"], backend="libuv", system="posix")
        self.assertEqual(p.returncode, 1)
        self.assertIn("renameat2", p.stdout)


if __name__ == "__main__":
    unittest.main()
