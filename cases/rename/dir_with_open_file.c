/*
 * rename.dir_with_open_file — MoveFileExW of a directory that holds a file this process has open, without and with FILE_SHARE_DELETE.
 *
 * Steps: twice: create directory "X" with "X/f" ("data"); open "X/f" for
 * reading, share read|write (the C runtime's sharing, case "crt") or
 * read|write|delete (case "sd"); MoveFileExW "X" to "X.moved" (no flags);
 * report the result, whether each directory name exists and what the open
 * handle reads; close the handle and try the rename again.
 *
 * Why: test runners and build tools rename a scratch directory out of the
 * way before deleting it (Twisted trial's `_trial_temp`, unpacked archives
 * moved into place). On POSIX an open file inside does not matter; on
 * Windows an open file inside a directory can block renaming the
 * directory, and the tool fails with "Access is denied" while a log file,
 * an indexer or a virus scanner still has something open in there.
 *
 * References: MoveFileExW,
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw;
 * Wine dlls/ntdll/tests/file.c test_file_rename_information ("oldpath is
 * a directory (but child object opened)");
 * https://github.com/beeware/briefcase/issues/1780 (renaming a directory
 * fails with WinError 5 while a file in it is open)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static void one_case(const char *tag, const wchar_t *dir, const wchar_t *moved,
                     const wchar_t *file, DWORD share)
{
    char name[64], dirname[16], buf[8];
    DWORD n = 0;
    fsc_stat st;
    snprintf(dirname, sizeof dirname, "%s", tag);
    FSC_CHECK(CreateDirectoryW(dir, NULL));
    snprintf(name, sizeof name, "%s/f", tag);
    fsc_put(name, "data");
    HANDLE h = CreateFileW(file, GENERIC_READ, share, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    snprintf(name, sizeof name, "%s.rename", tag);
    BOOL moved_ok = fsc_obs_win32(name, MoveFileExW(dir, moved, 0));
    snprintf(name, sizeof name, "%s.old_name_exists", tag);
    fsc_obs_bool(name, fsc_op_stat(dirname, &st) == 0);
    snprintf(name, sizeof name, "%s.handle_reads", tag);
    if (ReadFile(h, buf, sizeof buf, &n, NULL)) fsc_obs_bytes(name, buf, n);
    else fsc_obs(name, "%s", fsc_win32_error_name(GetLastError()));
    FSC_CHECK(CloseHandle(h));
    snprintf(name, sizeof name, "%s.rename_after_close", tag);
    if (moved_ok) fsc_obs(name, "%s", "moved_already");
    else fsc_obs_win32(name, MoveFileExW(dir, moved, 0));
}

static void probe(void)
{
    one_case("crt", L"crt", L"crt.moved", L"crt\\f", FILE_SHARE_READ | FILE_SHARE_WRITE);
    one_case("sd", L"sd", L"sd.moved", L"sd\\f",
             FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
