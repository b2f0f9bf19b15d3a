/*
 * delete.on_close_flag — FILE_FLAG_DELETE_ON_CLOSE: who else may open the file, and when it goes.
 *
 * Steps: create "f" with CreateFileW (read, write and DELETE access, full
 * sharing, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE) and write "data". Open
 * "f" again for reading with FILE_SHARE_READ | FILE_SHARE_WRITE (report;
 * closed at once if it opens), then with full sharing (kept: handle 2).
 * Close handle 1; with handle 2 still open report GetFileAttributesW "f"
 * and a third open (OPEN_EXISTING, full sharing), read through handle 2;
 * close it and report GetFileAttributesW "f". Skips on POSIX.
 *
 * Why: FILE_FLAG_DELETE_ON_CLOSE is how Windows programs make temporary
 * files that vanish even if the program crashes (the C runtime's
 * _O_TEMPORARY and "D" mode, .NET FileOptions.DeleteOnClose, Python's
 * tempfile). It also decides who may open the file meanwhile: nobody
 * without FILE_SHARE_DELETE, so a second process or library that opens it
 * the usual way fails; and once the creating handle is closed the file is
 * delete pending while someone else still holds it.
 *
 * References: CreateFileW (FILE_FLAG_DELETE_ON_CLOSE: "deleted immediately
 * after all of its handles are closed ... Subsequent open requests for the
 * file fail, unless the FILE_SHARE_DELETE share mode is specified")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Wine dlls/kernel32/tests/file.c, dlls/ntdll/tests/file.c
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
    HANDLE h1 = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE | DELETE, FSC_WIN32_SHARE_ALL, NULL,
                            CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    FSC_CHECK(h1 != INVALID_HANDLE_VALUE);
    FSC_CHECK(WriteFile(h1, "data", 4, &n, NULL) && n == 4);
    fsc_obs_win32_open("open_crt_share", L"f",
                       GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING, 0);
    HANDLE h2 = CreateFileW(L"f", GENERIC_READ, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    fsc_obs_win32("open_share_delete", h2 != INVALID_HANDLE_VALUE);
    FSC_CHECK(CloseHandle(h1));
    if (h2 != INVALID_HANDLE_VALUE) {
        fsc_obs_win32("second_open.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
        fsc_obs_win32_open("second_open.reopen", L"f", GENERIC_READ, FSC_WIN32_SHARE_ALL,
                           OPEN_EXISTING, 0);
        if (fsc_obs_win32("second_open.read", ReadFile(h2, buf, sizeof buf, &n, NULL)))
            fsc_obs_bytes("second_open.reads", buf, n);
        FSC_CHECK(CloseHandle(h2));
    }
    fsc_obs_win32("all_closed.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
