"""A library backend reaches the system only through its library.

    python3 check_imports.py NM BACKEND SYSTEM OBJECT...     (SYSTEM: posix or windows)

Reads the undefined symbols of cases/lib/ops_BACKEND.c's object (one of OBJECT...,
the runtime library's objects) with NM and fails, naming them, on any symbol the
backend's list below does not allow: a native file call (CreateFileW, MoveFileExW,
openat, renameat2, fcntl, mmap...) in a backend that must go through its library
would be a silent fall-back. The lists are what each backend's header documents.
"""

import os
import subprocess
import sys

# Runtime internals and the compiler's helpers, allowed in every backend.
COMMON = {"fsc_errno_name", "snprintf", "__ms_vsnprintf", "___chkstk_ms", "__stack_chk_fail",
          "memset", "strcmp"}
ALLOWED = {
    # glibc: the functions ops_crt.c names (and their large-file aliases)
    "crt-posix": {"open", "open64", "close", "read", "write", "lseek", "lseek64", "ftruncate",
                  "ftruncate64", "rename", "unlink", "mkdir", "rmdir", "chdir", "lockf",
                  "lockf64", "stat", "stat64", "fstat", "fstat64", "utime", "opendir",
                  "readdir", "readdir64", "closedir", "gnu_get_libc_version",
                  "__errno_location"},
    # libuv's synchronous file calls (ops_libuv.c)
    "libuv-posix": {"uv_default_loop", "uv_fs_open", "uv_fs_close", "uv_fs_read", "uv_fs_write",
                    "uv_fs_ftruncate", "uv_fs_rename", "uv_fs_unlink", "uv_fs_link", "uv_fs_mkdir",
                    "uv_fs_rmdir", "uv_chdir", "uv_fs_stat", "uv_fs_fstat", "uv_fs_utime",
                    "uv_fs_scandir", "uv_fs_scandir_next", "uv_fs_req_cleanup", "uv_buf_init",
                    "uv_err_name", "uv_version_string"},
    # the Microsoft C runtime (msvcrt.dll or the UCRT); two string conversions of Win32
    "crt-windows": {"_wsopen", "_close", "_read", "_write", "_lseeki64", "_chsize_s", "_wrename",
                    "_wunlink", "_wmkdir", "_wrmdir", "_wchdir", "_locking", "_wstat64",
                    "_fstat64", "_wutime64", "_wfindfirst64", "_wfindnext64", "_findclose",
                    "_errno", "MultiByteToWideChar", "WideCharToMultiByte"},
}

ALLOWED["libuv-windows"] = ALLOWED["libuv-posix"]   # the same calls on both


def undefined(nm, obj):
    out = subprocess.run([nm, "-u", obj], capture_output=True, text=True, check=True).stdout
    names = {line.split()[-1] for line in out.splitlines() if line.strip()}
    return {n.removeprefix("__imp_") for n in names}


def main(argv):
    nm, backend, flavour, objects = argv[1], argv[2], argv[3], argv[4:]
    mine = [o for o in objects if os.path.basename(o).startswith(f"ops_{backend}.c.")]
    if len(mine) != 1:
        print(f"check_imports: no single ops_{backend}.c object among {objects}")
        return 2
    used = undefined(nm, mine[0])
    allowed = COMMON | ALLOWED[f"{backend}-{flavour}"]
    extra = sorted(used - allowed)
    if extra:
        print(f"ops_{backend}.c calls what its library should have: {', '.join(extra)}")
        return 1
    print(f"ops_{backend}.c ({flavour}): {len(used)} symbols, all its library's: "
          + ", ".join(sorted(used)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
