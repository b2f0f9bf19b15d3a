/*
 * share.copyfile_open_handles — CopyFileW while the source or the destination is open with various access and share modes, and onto itself.
 *
 * Steps: for each row, "src" holds "new" and "dst" holds "old"; open the
 * row's file with the row's access and share mode, CopyFileW("src",
 * "dst", FALSE), report the result, close the handle. Rows: src
 * GENERIC_READ shared FILE_SHARE_WRITE ("src_read_share_write"), src
 * GENERIC_READ | GENERIC_WRITE shared FILE_SHARE_READ
 * ("src_rw_share_read"), src DELETE shared FILE_SHARE_READ
 * ("src_delete_share_read"), dst GENERIC_WRITE shared FILE_SHARE_READ
 * ("dst_write_share_read"), dst GENERIC_READ | GENERIC_WRITE shared
 * FILE_SHARE_WRITE ("dst_rw_share_write"), dst DELETE shared all
 * ("dst_delete_share_all"), dst GENERIC_READ shared FILE_SHARE_READ |
 * FILE_SHARE_WRITE ("dst_read_share_rw"). Finally CopyFileW("src", "src",
 * FALSE) with nothing open ("onto_itself"). Skips on POSIX.
 *
 * Why: CopyFileW opens the source for reading sharing only reads, and the
 * destination for writing sharing only writes-compatible access: an open
 * handle elsewhere (an editor, a log writer, a scanner) decides whether a
 * deploy or backup copy succeeds, and the rule is not the obvious one
 * (a reader of the destination that shares writes lets the copy through;
 * a mere DELETE handle on it does not). A copy of a file onto itself is a
 * sharing violation, not a no-op.
 *
 * References: CopyFileW
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-copyfilew;
 * Creating and Opening Files (the sharing table)
 * https://learn.microsoft.com/en-us/windows/win32/fileio/creating-and-opening-files;
 * Wine dlls/kernel32/tests/file.c test_CopyFileA
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static const struct {
    const char *tag;
    const wchar_t *open;
    DWORD access, share;
} rows[] = {
    {"src_read_share_write", L"src", GENERIC_READ, FILE_SHARE_WRITE},
    {"src_rw_share_read", L"src", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ},
    {"src_delete_share_read", L"src", DELETE, FILE_SHARE_READ},
    {"dst_write_share_read", L"dst", GENERIC_WRITE, FILE_SHARE_READ},
    {"dst_rw_share_write", L"dst", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_WRITE},
    {"dst_delete_share_all", L"dst", DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE},
    {"dst_read_share_rw", L"dst", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE},
};

static void probe(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        fsc_put("src", "new");
        fsc_put("dst", "old");
        HANDLE h = CreateFileW(rows[i].open, rows[i].access, rows[i].share, NULL, OPEN_EXISTING, 0, NULL);
        FSC_CHECK(h != INVALID_HANDLE_VALUE);
        fsc_obs_win32(rows[i].tag, CopyFileW(L"src", L"dst", FALSE));
        FSC_CHECK(CloseHandle(h));
    }
    fsc_obs_win32("onto_itself", CopyFileW(L"src", L"src", FALSE));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
