"""cases/lib/tests/check_imports.py: a backend's object may call its library only."""

import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

from harness.tests.fakes import REPO

SCRIPT = os.path.join(REPO, "cases", "lib", "tests", "check_imports.py")


class CheckImports(unittest.TestCase):
    def check(self, symbols, backend="crt", system="windows", archive=()):
        """A fake nm prints `symbols` for an object and `archive` for libgofsc.a."""
        def echo(names):
            return "".join(f"echo '                 U {s}'\n" for s in names)
        with tempfile.TemporaryDirectory() as d:
            nm = os.path.join(d, "nm")
            with open(nm, "w") as f:
                f.write(f'#!/bin/sh\ncase "$2" in\n*.a)\n{echo(archive)};;\n*)\n{echo(symbols)};;\nesac\n')
            os.chmod(nm, 0o755)
            objs = [os.path.join(d, n) for n in ("fsc_core.c.obj", f"ops_{backend}.c.obj")]
            if backend == "go":
                objs.append(os.path.join(d, "libgofsc.a"))
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

    def test_go_runtime_imports_pass(self):
        p = self.check(["fsc_go_open", "fsc_errno_name"], backend="go", system="posix",
                       archive=["go.o:", "pthread_create", "x_cgo_init", "malloc"])
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_a_file_call_in_the_go_archive_fails(self):
        p = self.check(["fsc_go_open"], backend="go", system="posix",
                       archive=["pthread_create", "open64", "rename"])
        self.assertEqual(p.returncode, 1)
        self.assertIn("open64, rename", p.stdout)

    def test_go_source_may_name_syscall_types_only(self):
        spec = importlib.util.spec_from_file_location("check_imports", SCRIPT)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        self.assertEqual(mod.go_system_uses("var n syscall.Errno; s := fi.Sys().(*syscall.Stat_t)"),
                         [])
        self.assertEqual(mod.go_system_uses('syscall.Flock(fd, 2)\n"golang.org/x/sys/unix"'),
                         ["golang.org/x/sys/unix", "syscall.Flock"])


if __name__ == "__main__":
    unittest.main()
