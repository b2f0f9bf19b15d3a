/*
 * rename.open_source_no_share_delete — MoveFileExW of a file this process has open, without and with FILE_SHARE_DELETE, within a directory and into another.
 *
 * Steps: for each case, create "X.src" ("first,second"), open it for reading
 * and read 6 bytes; case "crt": share read|write (the C runtime's sharing),
 * rename to "X.dst" in the same directory; case "sd": share
 * read|write|delete, same rename; case "sd_subdir": share read|write|delete,
 * rename into the subdirectory "sub". MoveFileExW with no flags each time;
 * report the result, what the handle reads next (the rest of the file),
 * and whether the old and new names exist.
 *
 * Why: log rotation, "rename to .bak" and moving a finished download out of
 * a staging directory rename files their own process still has open. On
 * POSIX this always works. On Windows it works only when every handle was
 * opened with FILE_SHARE_DELETE, which fopen/_open never ask for, so a
 * rotating log handler fails while its own process still has the log open
 * through another handle; with FILE_SHARE_DELETE the handle follows the file,
 * also into another directory. rename.open_source_other is the portable
 * counterpart with a second process.
 *
 * References: MoveFileExW,
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw;
 * CreateFileW dwShareMode (FILE_SHARE_DELETE: "Enables subsequent open
 * operations on a file or device to request delete access ... If this flag
 * is not specified, but the file or device has been opened for delete
 * access, the function fails"); Wine dlls/kernel32/tests/file.c
 * test_MoveFileA; https://github.com/SpecterOps/OpenHound/pull/14 (log
 * rotation fails with WinError 32 while the same process holds the log
 * open through a second handle)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static void one_case(const char *tag, const wchar_t *src, const wchar_t *dst,
                     const char *dst_path, DWORD share)
{
    char name[64], path[16], buf[16];
    DWORD n = 0;
    fsc_stat st;
    snprintf(path, sizeof path, "%s.src", tag);
    fsc_put(path, "first,second");
    HANDLE h = CreateFileW(src, GENERIC_READ, share, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    FSC_CHECK(ReadFile(h, buf, 6, &n, NULL) && n == 6);
    snprintf(name, sizeof name, "%s.rename", tag);
    fsc_obs_win32(name, MoveFileExW(src, dst, 0));
    snprintf(name, sizeof name, "%s.handle_reads_rest", tag);
    if (ReadFile(h, buf, sizeof buf, &n, NULL)) fsc_obs_bytes(name, buf, n);
    else fsc_obs(name, "%s", fsc_win32_error_name(GetLastError()));
    snprintf(name, sizeof name, "%s.old_name_exists", tag);
    fsc_obs_bool(name, fsc_op_stat(path, &st) == 0);
    snprintf(name, sizeof name, "%s.new_name_exists", tag);
    fsc_obs_bool(name, fsc_op_stat(dst_path, &st) == 0);
    FSC_CHECK(CloseHandle(h));
}

static void probe(void)
{
    const DWORD crt = FILE_SHARE_READ | FILE_SHARE_WRITE;
    FSC_OK(fsc_op_mkdir("sub"));
    one_case("crt", L"crt.src", L"crt.dst", "crt.dst", crt);
    one_case("sd", L"sd.src", L"sd.dst", "sd.dst", crt | FILE_SHARE_DELETE);
    one_case("sd_subdir", L"sd_subdir.src", L"sub\\moved", "sub/moved", crt | FILE_SHARE_DELETE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
