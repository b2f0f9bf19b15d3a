/*
 * rename.movefile_over_open_dest — MoveFileExW(MOVEFILE_REPLACE_EXISTING) onto a destination this process holds open, without and with FILE_SHARE_DELETE.
 *
 * Steps: twice, with fresh files "X.src" ("new") and "X.dst" ("old"):
 * open "X.dst" for reading, share read|write (the C runtime's sharing, case
 * "crt") or read|write|delete (case "sd"); MoveFileExW "X.src" onto "X.dst"
 * with MOVEFILE_REPLACE_EXISTING; report the result, what the open handle
 * reads from offset 0, what the name "X.dst" reads, and whether "X.src" is
 * still there; then close the handle and report what the name reads.
 *
 * Why: FILE_SHARE_DELETE is the usual advice for "rename over a file that
 * is open" on Windows, and libraries (Go, Python, Rust std before 1.85,
 * atomic-write packages) rely on MoveFileExW for the last step of an
 * atomic save. Whether sharing delete is enough decides whether a reader
 * that opened with FILE_SHARE_DELETE still blocks the save.
 *
 * References: MoveFileExW (MOVEFILE_REPLACE_EXISTING),
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw;
 * CreateFileW dwShareMode; Wine dlls/ntdll/tests/file.c
 * test_file_rename_information ("target file opened");
 * https://github.com/golang/go/issues/8914;
 * https://www.python.org/pipermail/python-bugs-list/2021-December/499258.html
 * (os.replace: "existing opens of the destination path are not allowed,
 * even if they share delete access")
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static void one_case(const char *tag, DWORD share)
{
    char name[64], src[16], dst[16];
    wchar_t wsrc[16], wdst[16];
    char buf[16];
    DWORD n = 0;
    fsc_stat st;
    snprintf(src, sizeof src, "%s.src", tag);
    snprintf(dst, sizeof dst, "%s.dst", tag);
    for (int i = 0; i < 16; i++) wsrc[i] = (unsigned char)src[i], wdst[i] = (unsigned char)dst[i];
    fsc_put(src, "new");
    fsc_put(dst, "old");
    HANDLE h = CreateFileW(wdst, GENERIC_READ, share, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    snprintf(name, sizeof name, "%s.rename", tag);
    fsc_obs_win32(name, MoveFileExW(wsrc, wdst, MOVEFILE_REPLACE_EXISTING));
    snprintf(name, sizeof name, "%s.handle_reads", tag);
    if (ReadFile(h, buf, sizeof buf, &n, NULL)) fsc_obs_bytes(name, buf, n);
    else fsc_obs(name, "%s", fsc_win32_error_name(GetLastError()));
    const char *s = fsc_get(dst);
    snprintf(name, sizeof name, "%s.name_reads", tag);
    fsc_obs(name, "%s", s ? s : "unreadable");
    snprintf(name, sizeof name, "%s.src_exists", tag);
    fsc_obs_bool(name, fsc_op_stat(src, &st) == 0);
    FSC_CHECK(CloseHandle(h));
    s = fsc_get(dst);
    snprintf(name, sizeof name, "%s.closed_name_reads", tag);
    fsc_obs(name, "%s", s ? s : "unreadable");
}

static void probe(void)
{
    one_case("crt", FILE_SHARE_READ | FILE_SHARE_WRITE);
    one_case("sd", FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
