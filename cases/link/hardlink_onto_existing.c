/*
 * link.hardlink_onto_existing — CreateHardLinkW whose new name already exists: another file, the same file in another case, a directory.
 *
 * Steps: files "f1" ("one") and "f2" ("two"), directory "d";
 * CreateHardLinkW new name "f2" -> "f1" ("file"), "F1" -> "f1"
 * ("same_file_other_case"), "d" -> "f1" ("dir"); report each result and
 * what "f2" reads afterwards. Skips on POSIX.
 *
 * Why: link() never replaces (EEXIST); tools that refresh a hard-linked
 * store (pnpm, ccache, backup snapshots) re-link a name and must remove
 * the old one first. The case of the name matters on a case-insensitive
 * filesystem: linking a file to its own name spelled differently is a
 * collision, not a new name.
 *
 * References: CreateHardLinkW
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-createhardlinkw;
 * Wine dlls/kernel32/tests/file.c test_hard_link; POSIX.1-2024 link()
 * ([EEXIST])
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
    fsc_put("f1", "one");
    fsc_put("f2", "two");
    FSC_OK(fsc_op_mkdir("d"));
    fsc_obs_win32("file", CreateHardLinkW(L"f2", L"f1", NULL));
    fsc_obs_win32("same_file_other_case", CreateHardLinkW(L"F1", L"f1", NULL));
    fsc_obs_win32("dir", CreateHardLinkW(L"d", L"f1", NULL));
    fsc_obs_file("f2_reads", "f2");
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
