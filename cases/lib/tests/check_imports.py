"""A library backend reaches the system only through its library.

    python3 check_imports.py NM BACKEND SYSTEM OBJECT...     (SYSTEM: posix or windows)

Reads the undefined symbols of cases/lib/ops_BACKEND.c's object (one of OBJECT...,
the runtime library's objects) with NM and fails, naming them, on any symbol the
backend's list below does not allow: a native file call (CreateFileW, MoveFileExW,
openat, renameat2, fcntl, mmap...) in a backend that must go through its library
would be a silent fall-back. The lists are what each backend's header documents.

The go backend is two parts: ops_go.c, which may call only the Go half's fsc_go_*
exports, and that half, Go's os package in a cgo c-archive (libgofsc.a, one more
OBJECT). The Go runtime makes its system calls itself (raw system calls on Linux),
so no symbol table shows what Go code calls: "imports only its library" means
there (1) the archive imports from C only what Go's runtime/cgo needs (threads,
memory, signals, environment, credentials), no file call, and (2) the Go source
(cases/lib/gofsc/*.go) names nothing of package syscall but the types Errno,
Stat_t and Win32FileAttributeData (data os hands back, never a call) and imports
no golang.org/x/sys.

The rust backend is two parts too: ops_rust.c, which names the errors and the
backend (only the runtime's error-name tables), and cases/lib/rustfsc/lib.rs in a
staticlib (librustfsc.a, one more OBJECT) that holds all of std besides. lib.rs's
own objects in that archive (members `*.rustfsc.*-cgu.N.rcgu.o`) may import only
std's Rust symbols and what std's #[inline] code compiles into them (closing a
descriptor or handle, std's Mutex on Windows 1.63), and must define every
fsc_op_* the layer asks of them; lib.rs declares no foreign function and names
no libc or windows-sys.
"""

import glob
import os
import re
import subprocess
import sys

# Runtime internals and the compiler's helpers, allowed in every backend.
COMMON = {"fsc_errno_name", "snprintf", "__ms_vsnprintf", "___chkstk_ms", "__stack_chk_fail",
          "memset", "strcmp"}
ALLOWED = {
    # glibc: the functions ops_crt.c names (and their large-file aliases)
    "crt-posix": {"open", "open64", "close", "read", "write", "lseek", "lseek64", "ftruncate",
                  "ftruncate64", "rename", "unlink", "mkdir", "rmdir", "chdir", "lockf",
                  "lockf64", "stat", "stat64", "chmod", "fstat", "fstat64", "utime", "opendir",
                  "readdir", "readdir64", "closedir", "gnu_get_libc_version",
                  "__errno_location"},
    # libuv's synchronous file calls (ops_libuv.c)
    "libuv-posix": {"uv_default_loop", "uv_fs_open", "uv_fs_close", "uv_fs_read", "uv_fs_write",
                    "uv_fs_ftruncate", "uv_fs_rename", "uv_fs_unlink", "uv_fs_link", "uv_fs_mkdir",
                    "uv_fs_rmdir", "uv_chdir", "uv_fs_stat", "uv_fs_fstat", "uv_fs_chmod", "uv_fs_utime",
                    "uv_fs_scandir", "uv_fs_scandir_next", "uv_fs_req_cleanup", "uv_buf_init",
                    "uv_err_name", "uv_version_string"},
    # the Microsoft C runtime (msvcrt.dll or the UCRT); two string conversions of Win32
    "crt-windows": {"_wsopen", "_close", "_read", "_write", "_lseeki64", "_chsize_s", "_wrename",
                    "_wunlink", "_wmkdir", "_wrmdir", "_wchdir", "_locking", "_wstat64", "_wchmod",
                    "_fstat64", "_wutime64", "_wfindfirst64", "_wfindnext64", "_findclose",
                    "_errno", "MultiByteToWideChar", "WideCharToMultiByte"},
}

ALLOWED["libuv-windows"] = ALLOWED["libuv-posix"]   # the same calls on both
# APR's file, directory, mapping and pool calls (ops_apr.c); fsc_fail for the
# backend's own bookkeeping (a failed pool, too many files or mappings)
APR_CALLS = {"apr_initialize", "apr_pool_create_ex", "apr_version_string", "apr_file_open",
             "apr_file_close", "apr_file_read", "apr_file_write", "apr_file_seek",
             "apr_file_trunc", "apr_file_rename", "apr_file_remove", "apr_file_link",
             "apr_dir_make", "apr_dir_remove", "apr_filepath_set", "apr_file_inherit_set",
             "apr_file_inherit_unset", "apr_file_info_get", "apr_file_lock", "apr_file_unlock",
             "apr_mmap_create", "apr_mmap_delete", "apr_stat", "apr_file_attrs_set", "apr_file_mtime_set",
             "apr_dir_open", "apr_dir_read", "apr_dir_close", "apr_os_file_get",
             "apr_os_file_put", "fsc_fail", "fsc_fail_at", "fsc_last_error", "fsc_clear_error"}
ALLOWED["apr-posix"] = APR_CALLS | {"fsc_errno_name"}
ALLOWED["apr-windows"] = APR_CALLS | {"fsc_errno_name", "fsc_win32_error_name"}
# ops_go.c: the Go half's exports (cases/lib/gofsc/gofsc.go) and the error names
GO_EXPORTS = {"fsc_go_version", "fsc_go_open", "fsc_go_close", "fsc_go_read", "fsc_go_write",
              "fsc_go_seek", "fsc_go_truncate", "fsc_go_rename", "fsc_go_remove", "fsc_go_link",
              "fsc_go_mkdir", "fsc_go_chdir", "fsc_go_stat", "fsc_go_fstat", "fsc_go_chmod", "fsc_go_chtimes",
              "fsc_go_list"}
ALLOWED["go-posix"] = GO_EXPORTS | {"fsc_errno_name"}
ALLOWED["go-windows"] = GO_EXPORTS | {"fsc_win32_error_name"}
ALLOWED["rust-posix"] = {"fsc_errno_name"}
ALLOWED["rust-windows"] = {"fsc_win32_error_name"}
# librustfsc.a: lib.rs's own objects import std (Rust symbols), the compiler's
# helpers, and what std's #[inline] functions call once compiled into them
RUST_OBJECT = re.compile(r"\.rustfsc\.[^.]*-cgu\.\d+\.rcgu\.o$")
RUST_STD_SYMBOL = re.compile(r"^(__imp_)?(_ZN|_R|__rust_|__rdl_|__rg_)")
RUST_INLINED = {
    "common": {"rust_eh_personality", "_Unwind_Resume", "memcpy", "memmove", "memset", "memcmp",
               "bcmp", "strlen"},
    "posix": {"close"},                       # Drop for OwnedFd (std/src/os/fd/owned.rs)
    "windows": {"CloseHandle",                # Drop for OwnedHandle (std/src/os/windows/io/handle.rs)
                "AcquireSRWLockExclusive", "ReleaseSRWLockExclusive"},   # 1.63's Mutex
}
RUST_EXPORTS = {"fsc_op_open", "fsc_op_close", "fsc_op_read", "fsc_op_write", "fsc_op_seek",
                "fsc_op_truncate", "fsc_op_rename", "fsc_op_unlink", "fsc_op_link", "fsc_op_mkdir",
                "fsc_op_rmdir", "fsc_op_chdir", "fsc_op_set_inherit", "fsc_op_lock", "fsc_op_unlock",
                "fsc_op_map", "fsc_op_unmap", "fsc_op_stat", "fsc_op_fstat", "fsc_op_list",
                "fsc_op_set_readonly", "fsc_op_set_times"}
RUST_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rustfsc", "lib.rs")
# a foreign function declared, a native library linked, or a crate that reaches the system
RUST_SYSTEM = re.compile(r'extern\s+"(C|system)"\s*\{|#\[link\b|\blibc::|\bwindows_sys\b|'
                         r'\bextern\s+crate\b|\basm!|\bsyscall\b')
# libgofsc.a on Linux: what Go 1.19's runtime/cgo (gcc_*.c) imports from glibc
GO_RUNTIME = {
    "posix": {"_GLOBAL_OFFSET_TABLE_", "__errno_location", "abort", "fprintf", "fputc", "free",
              "fwrite", "malloc", "mmap", "munmap", "nanosleep", "pthread_attr_destroy",
              "pthread_attr_getstacksize", "pthread_attr_init", "pthread_cond_broadcast",
              "pthread_cond_wait", "pthread_create", "pthread_detach", "pthread_mutex_lock",
              "pthread_mutex_unlock", "pthread_sigmask", "setegid", "setenv", "seteuid",
              "setgid", "setgroups", "setregid", "setresgid", "setresuid", "setreuid", "setuid",
              "sigaction", "sigaddset", "sigemptyset", "sigfillset", "sigismember", "stderr",
              "strerror", "unsetenv", "vfprintf"},
    # Windows: runtime/os_windows.go's cgo_import_dynamic list (CreateFileA, WriteFile and
    # CloseHandle included: the runtime's own) and runtime/cgo's C runtime calls. os's
    # file calls (CreateFileW, MoveFileExW...) go through package syscall's
    # LoadDLL/GetProcAddress at run time, so only the source check below sees them.
    "windows": {"AddVectoredExceptionHandler", "CloseHandle", "CreateEventA", "CreateFileA",
                "CreateIoCompletionPort", "CreateThread", "CreateWaitableTimerExW",
                "DuplicateHandle", "EnterCriticalSection", "ExitProcess",
                "FreeEnvironmentStringsW", "GetConsoleMode", "GetEnvironmentStringsW",
                "GetProcAddress", "GetProcessAffinityMask", "GetQueuedCompletionStatusEx",
                "GetStdHandle", "GetSystemDirectoryA", "GetSystemInfo", "GetThreadContext",
                "InitializeCriticalSection", "LeaveCriticalSection", "LoadLibraryA",
                "LoadLibraryW", "PostQueuedCompletionStatus", "ResumeThread",
                "SetConsoleCtrlHandler", "SetErrorMode", "SetEvent", "SetProcessPriorityBoost",
                "SetThreadContext", "SetUnhandledExceptionFilter", "SetWaitableTimer", "Sleep",
                "SuspendThread", "SwitchToThread", "VirtualAlloc", "VirtualFree", "VirtualQuery",
                "WaitForMultipleObjects", "WaitForSingleObject", "WriteConsoleW", "WriteFile",
                "__acrt_iob_func", "__mingw_vfprintf", "_beginthread", "_errno", "abort", "free",
                "malloc"},
}
GO_INTERNAL = re.compile(r"(_cgo|x_cgo|crosscall|fatalf$)")
GO_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gofsc")


def go_system_uses(text):
    """What Go source names of package syscall beyond the types Errno and Stat_t,
    and any import of golang.org/x/sys."""
    uses = {f"syscall.{n}" for n in re.findall(r"\bsyscall\.(\w+)", text)}
    uses -= {"syscall.Errno", "syscall.Stat_t", "syscall.Win32FileAttributeData"}
    return sorted(uses | set(re.findall(r"golang\.org/x/sys[\w/]*", text)))


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
    if backend == "go":
        return check_go(nm, flavour, objects)
    return check_rust(nm, flavour, objects) if backend == "rust" else 0


def check_go(nm, flavour, objects):
    archives = [o for o in objects if os.path.basename(o) == "libgofsc.a"]
    if len(archives) != 1:
        print(f"check_imports: no single libgofsc.a among {objects}")
        return 2
    used = {n for n in undefined(nm, archives[0])   # less the "member.o:" headers
            if not n.endswith(":") and not GO_INTERNAL.match(n)}
    extra = sorted(used - GO_RUNTIME.get(flavour, set()))
    sources = "".join(open(p, encoding="utf-8").read()
                      for p in sorted(glob.glob(os.path.join(GO_SOURCE, "*.go"))))
    reached = go_system_uses(sources)
    if extra or reached:
        print(f"libgofsc.a imports beyond Go's runtime: {', '.join(extra) or 'nothing'}; "
              f"its source reaches the system: {', '.join(reached) or 'no'}")
        return 1
    print(f"libgofsc.a ({flavour}): {len(used)} C imports, all Go's runtime/cgo's; "
          "its source names syscall's types only")
    return 0


def archive_symbols(nm, archive, member, *opts):
    """{member: symbols} from `nm -A OPTS archive` for the members matching `member`."""
    out = subprocess.run([nm, "-A", *opts, archive], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        name, _, rest = line.rpartition(":")
        m = name.rpartition(":")[2].strip()
        if member.search(m) and rest.split():
            found.setdefault(m, set()).add(rest.split()[-1])
    return found


def rust_system_uses(text):
    """Where Rust source reaches the system beside std (see RUST_SYSTEM)."""
    return sorted({m.group(0) for m in RUST_SYSTEM.finditer(text)})


def check_rust(nm, flavour, objects):
    archives = [o for o in objects if os.path.basename(o) == "librustfsc.a"]
    if len(archives) != 1:
        print(f"check_imports: no single librustfsc.a among {objects}")
        return 2
    imports = archive_symbols(nm, archives[0], RUST_OBJECT, "-u")
    defined = archive_symbols(nm, archives[0], RUST_OBJECT, "--defined-only", "-g")
    allowed = RUST_INLINED["common"] | RUST_INLINED[flavour]
    used = set().union(*imports.values()) if imports else set()
    extra = sorted(n for n in used if not RUST_STD_SYMBOL.match(n) and n not in allowed)
    missing = sorted(RUST_EXPORTS - set().union(set(), *defined.values()))
    reached = rust_system_uses(open(RUST_SOURCE, encoding="utf-8").read())
    if not defined or extra or missing or reached:
        print(f"librustfsc.a: lib.rs's objects ({len(defined)}) import beyond std: "
              f"{', '.join(extra) or 'nothing'}; leave undefined: {', '.join(missing) or 'nothing'}; "
              f"its source reaches the system: {', '.join(reached) or 'no'}")
        return 1
    print(f"librustfsc.a ({flavour}): lib.rs's {len(defined)} objects import only std and "
          f"{', '.join(sorted(used & allowed))}; all {len(RUST_EXPORTS)} operations defined")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
