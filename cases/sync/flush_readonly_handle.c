/*
 * sync.flush_readonly_handle — FlushFileBuffers on a handle opened for reading only, for writing, and for appending only.
 *
 * Steps: create "f" ("data"); open it with GENERIC_READ and call
 * FlushFileBuffers ("read"); open it with GENERIC_WRITE, write a byte and
 * flush ("write"); open it with FILE_APPEND_DATA only (no FILE_WRITE_DATA),
 * append a byte and flush ("append"). Each reports ok or the error. Share
 * read|write|delete throughout.
 *
 * Why: fsync(2) works on a descriptor opened read-only (on Linux it flushes
 * the file's dirty pages whoever wrote them), so portable code often syncs
 * a file or directory through a read-only handle: SQLite, LevelDB, Git and
 * Python's os.fsync callers after reopening a file to make it durable.
 * FlushFileBuffers requires write access, so the same code fails on Windows
 * and the durability step is silently skipped where errors are ignored.
 *
 * References: FlushFileBuffers ("The handle must have the GENERIC_WRITE
 * access right"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-flushfilebuffers;
 * Wine dlls/ntdll/tests/file.c test_flush_buffers_file (NtFlushBuffersFile
 * on a read-only handle); POSIX.1-2024 fsync()
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void one_case(const char *what, DWORD access, int write)
{
    DWORD n;
    HANDLE h = CreateFileW(L"f", access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    if (write) FSC_CHECK(WriteFile(h, "x", 1, &n, NULL) && n == 1);
    fsc_obs_win32(what, FlushFileBuffers(h));
    FSC_CHECK(CloseHandle(h));
}

static void probe(void)
{
    fsc_put("f", "data");
    one_case("read", GENERIC_READ, 0);
    one_case("write", GENERIC_WRITE, 1);
    one_case("append", FILE_APPEND_DATA | SYNCHRONIZE, 1);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
