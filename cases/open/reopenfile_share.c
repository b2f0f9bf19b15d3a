/*
 * open.reopenfile_share — ReOpenFileW of a handle for reading and for writing, when the original handle shares reading only.
 *
 * Steps: create "f" with CreateFileW (GENERIC_WRITE, share FILE_SHARE_READ)
 * and write "foo" through it; ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ |
 * FILE_SHARE_WRITE, 0) and report it ("read"), and what the new handle
 * reads from offset 0 ("read_data"); ReOpenFile(h, GENERIC_WRITE, the same
 * share) and report it ("write"). Handles that open are closed. Skips on
 * POSIX.
 *
 * Why: ReOpenFile is the Win32 way to get a second handle with other
 * access or flags to a file already open (the C runtime's _fdopen tricks,
 * switching to FILE_FLAG_OVERLAPPED or no buffering, Chromium's and .NET's
 * handle upgrades). It is not a duplicate: the new open is checked against
 * the original handle's share mode like any other open, so a program
 * cannot reopen its own write-only, read-shared handle for writing.
 *
 * References: ReOpenFile
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-reopenfile;
 * Wine dlls/kernel32/tests/file.c test_ReOpenFile
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static void probe(void)
{
    char buf[8];
    DWORD n = 0;
    HANDLE h = CreateFileW(L"f", GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_NEW, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE && WriteFile(h, "foo", 3, &n, NULL));
    HANDLE r = ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, 0);
    if (fsc_obs_win32("read", r != INVALID_HANDLE_VALUE)) {
        FSC_CHECK(ReadFile(r, buf, sizeof buf, &n, NULL));
        fsc_obs_bytes("read_data", buf, n);
        FSC_CHECK(CloseHandle(r));
    }
    HANDLE w = ReOpenFile(h, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, 0);
    if (fsc_obs_win32("write", w != INVALID_HANDLE_VALUE)) FSC_CHECK(CloseHandle(w));
    FSC_CHECK(CloseHandle(h));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
