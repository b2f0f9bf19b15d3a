"""cases/lib/tests/check_imports.py: a backend's object may call its library only."""

import os
import subprocess
import sys
import tempfile
import unittest

from harness.tests.fakes import REPO, script_module

SCRIPT = os.path.join(REPO, "cases", "lib", "tests", "check_imports.py")


def module():
    return script_module(SCRIPT)


class CheckImports(unittest.TestCase):
    def check(self, symbols, backend="crt", system="windows", archive=(), members=None):
        """A fake nm prints `symbols` for an object, `archive` for libgofsc.a, and for
        librustfsc.a (`nm -A -u` or `nm -A --defined-only -g`) each of `members`:
        {member: (undefined, defined)}."""
        def echo(names):
            return "".join(f"echo '                 U {s}'\n" for s in names)

        def listed(i, kind):
            return "".join(f"echo 'librustfsc.a:{m}:{' ' * 16 if kind == 'U' else '0' * 16} "
                           f"{kind} {s}'\n" for m, syms in (members or {}).items() for s in syms[i])
        with tempfile.TemporaryDirectory() as d:
            nm = os.path.join(d, "nm")
            with open(nm, "w") as f:
                f.write(f'#!/bin/sh\ncase "$*" in\n"-A -u "*)\n{listed(0, "U")}:;;\n'
                        f'"-A --defined-only"*)\n{listed(1, "T")}:;;\n*.a)\n{echo(archive)};;\n'
                        f'*)\n{echo(symbols)};;\nesac\n')
            os.chmod(nm, 0o755)
            objs = [os.path.join(d, n) for n in ("fsc_core.c.obj", f"ops_{backend}.c.obj")]
            if backend == "go":
                objs.append(os.path.join(d, "libgofsc.a"))
            if backend == "rust":
                objs.append(os.path.join(d, "librustfsc.a"))
            return subprocess.run([sys.executable, SCRIPT, nm, backend, system, *objs],
                                  capture_output=True, text=True)

    def test_library_calls_pass(self):
        p = self.check(["__imp__wsopen", "__imp__wrename", "__imp_MultiByteToWideChar"])
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_a_native_file_call_fails(self):
        p = self.check(["__imp__wsopen", "__imp_CreateFileW", "__imp_MoveFileExW"])
        self.assertEqual(p.returncode, 1)
        self.assertIn("CreateFileW, MoveFileExW", p.stdout)

    def test_apr_calls_pass_and_a_native_lock_beside_them_fails(self):
        calls = ["apr_file_open", "apr_file_lock", "apr_pool_create_ex"]
        self.assertEqual(self.check(calls, backend="apr", system="posix").returncode, 0)
        p = self.check(calls + ["__imp_LockFileEx"], backend="apr", system="windows")
        self.assertEqual(p.returncode, 1)
        self.assertIn("LockFileEx", p.stdout)

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

    def rust(self, imports, exports=None, system="posix"):
        mod = module()
        exports = mod.RUST_EXPORTS if exports is None else exports
        return self.check(["fsc_errno_name"], backend="rust", system=system, members={
            "librustfsc.rustfsc.abc-cgu.0.rcgu.o": (imports, sorted(exports)),
            # std's own objects call the system: not lib.rs's doing
            "std-123.std.def-cgu.0.rcgu.o": (["open64", "flock", "renameat"], ["_ZN3std2fs6rename"])})

    def test_rust_std_imports_pass(self):
        p = self.rust(["_ZN3std2fs6rename17h0E", "__rust_dealloc", "close", "memcpy"])
        self.assertEqual(p.returncode, 0, p.stdout)
        p = self.rust(["__imp__ZN3std9panicking11panic_count", "CloseHandle"], system="windows")
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_a_system_call_in_lib_rs_objects_fails(self):
        p = self.rust(["_ZN3std2fs6rename17h0E", "flock", "open64"])
        self.assertEqual(p.returncode, 1)
        self.assertIn("flock, open64", p.stdout)

    def test_an_operation_lib_rs_leaves_undefined_fails(self):
        p = self.rust(["memcpy"], exports=module().RUST_EXPORTS - {"fsc_op_lock"})
        self.assertEqual(p.returncode, 1)
        self.assertIn("leave undefined: fsc_op_lock", p.stdout)

    def test_rust_source_declares_no_foreign_function(self):
        mod = module()
        self.assertEqual(mod.rust_system_uses('pub unsafe extern "C" fn fsc_op_open() {}'), [])
        self.assertEqual(mod.rust_system_uses('extern "C" { fn flock(); }\nlibc::open(p, 0)'),
                         ['extern "C" {', "libc::"])

    def test_go_source_may_name_syscall_types_only(self):
        mod = module()
        self.assertEqual(mod.go_system_uses("var n syscall.Errno; s := fi.Sys().(*syscall.Stat_t)"),
                         [])
        self.assertEqual(mod.go_system_uses('syscall.Flock(fd, 2)\n"golang.org/x/sys/unix"'),
                         ["golang.org/x/sys/unix", "syscall.Flock"])


if __name__ == "__main__":
    unittest.main()
