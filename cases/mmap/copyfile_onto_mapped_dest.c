/*
 * mmap.copyfile_onto_mapped_dest — CopyFileW onto a destination that another handle has mapped.
 *
 * Steps: "src" holds "new". For "share_read" and "share_read_write": the
 * destination (holding "old") is opened GENERIC_READ with share
 * FILE_SHARE_READ, or FILE_SHARE_READ | FILE_SHARE_WRITE, and a read-only
 * mapping object is made from that handle (no view); CopyFileW("src",
 * dest, FALSE) is reported, the handles are closed and the destination's
 * content reported. Skips on POSIX.
 *
 * Why: deploy scripts and build systems copy new files over old ones that
 * a running program has mapped (a DLL being used as data, a font, an index
 * file). The two refusals differ: without write sharing the copy is a
 * sharing violation like any open file; with it, the mapping itself blocks
 * the overwrite. Retry logic written for "file in use" has to recognise
 * both.
 *
 * References: CopyFileW
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-copyfilew;
 * Wine dlls/kernel32/tests/file.c test_CopyFileA ("check error on copying
 * over a mapped file that was opened with FILE_SHARE_READ" / "with
 * FILE_SHARE_WRITE")
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
static void one_case(const char *tag, const wchar_t *dest, DWORD share)
{
    char obs[48];
    fsc_put(tag, "old");
    HANDLE h = CreateFileW(dest, GENERIC_READ, share, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READONLY, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    snprintf(obs, sizeof obs, "%s.copy", tag);
    fsc_obs_win32(obs, CopyFileW(L"src", dest, FALSE));
    FSC_CHECK(CloseHandle(m) && CloseHandle(h));
    snprintf(obs, sizeof obs, "%s.dest_reads", tag);
    fsc_obs_file(obs, tag);
}

static void probe(void)
{
    fsc_put("src", "new");
    one_case("share_read", L"share_read", FILE_SHARE_READ);
    one_case("share_read_write", L"share_read_write", FILE_SHARE_READ | FILE_SHARE_WRITE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
