/*
 * delete.share_delete_flag — DeleteFileW on a file that is open, with and without FILE_SHARE_DELETE.
 *
 * Steps: create "a" and "b". Open "a" for reading with FILE_SHARE_READ |
 * FILE_SHARE_WRITE (the C runtime's share mode, no delete sharing);
 * DeleteFileW "a"; report the result, GetFileAttributesW "a" (does the
 * name still exist) and a second CreateFileW OPEN_EXISTING of "a" (full
 * sharing); close. Then the same with "b" opened with FILE_SHARE_READ |
 * FILE_SHARE_WRITE | FILE_SHARE_DELETE; finally, after closing "b"'s
 * handle, GetFileAttributesW "b" again. Sharing is per handle, so one
 * process suffices. Skips on POSIX (no share modes there).
 *
 * Why: every open on Windows says what others may do meanwhile. A file a
 * program (or a virus scanner, indexer, backup agent) holds open without
 * FILE_SHARE_DELETE cannot be deleted by anyone; one held with it can, but
 * the name stays behind as "delete pending" until the handle closes, and
 * cannot be opened. Cleanup code, build tools and POSIX ports that expect
 * unlink() to succeed and the name to vanish meet "sharing violation" or
 * "access denied" instead.
 *
 * References: DeleteFileW (Remarks: marks the file for deletion on close;
 * later CreateFile fails with ERROR_ACCESS_DENIED)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * CreateFileW (dwShareMode, FILE_SHARE_DELETE)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Wine dlls/kernel32/tests/file.c test_file_sharing
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
/* Open `path` with `share`, try to delete it, look at the name, close. */
static void delete_while_open(const char *tag, const wchar_t *path, DWORD share)
{
    char obs[48];
    HANDLE h = CreateFileW(path, GENERIC_READ, share, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    snprintf(obs, sizeof obs, "%s.delete", tag);
    fsc_obs_win32(obs, DeleteFileW(path));
    snprintf(obs, sizeof obs, "%s.name_attrs", tag);
    fsc_obs_win32(obs, GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
    snprintf(obs, sizeof obs, "%s.reopen", tag);
    fsc_obs_win32_open(obs, path, GENERIC_READ, FSC_WIN32_SHARE_ALL, OPEN_EXISTING, 0);
    FSC_CHECK(CloseHandle(h));
    snprintf(obs, sizeof obs, "%s.after_close_attrs", tag);
    fsc_obs_win32(obs, GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
}

static void probe(void)
{
    fsc_put("a", "x");
    fsc_put("b", "x");
    delete_while_open("crt_share", L"a", FILE_SHARE_READ | FILE_SHARE_WRITE);
    delete_while_open("share_delete", L"b", FSC_WIN32_SHARE_ALL);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
