/*
 * rename.movefile_no_replace — MoveFileW (no MOVEFILE_REPLACE_EXISTING) onto an existing file and onto an existing directory.
 *
 * Steps: "file_onto_file": files "f1" ("one") and "f2" ("two"), MoveFileW
 * "f1" -> "f2"; "dir_onto_dir": empty directories "d1" and "d2", MoveFileW
 * "d1" -> "d2". Report each result, and afterwards whether each source is
 * still there and what "f2" reads. Skips on POSIX.
 *
 * Why: MoveFileW is the Win32 rename most ported code reaches first
 * (through the C runtime's rename(), which does not replace). POSIX
 * rename() replaces a file and an empty directory; on Windows the same
 * call fails, so a "write temp, rename over target" save loses nothing but
 * never completes, and the error it gives is what callers must test for
 * before falling back to MoveFileExW or ReplaceFileW.
 *
 * References: MoveFileW (lpNewFileName: "The new name must not already
 * exist")
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefilew;
 * Wine dlls/kernel32/tests/file.c test_move_file; POSIX.1-2024 rename()
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
    FSC_OK(fsc_op_mkdir("d1"));
    FSC_OK(fsc_op_mkdir("d2"));
    fsc_obs_win32("file_onto_file", MoveFileW(L"f1", L"f2"));
    fsc_obs_win32("dir_onto_dir", MoveFileW(L"d1", L"d2"));
    fsc_obs_win32("file_onto_file.source_attrs", GetFileAttributesW(L"f1") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_file("file_onto_file.dest_reads", "f2");
    fsc_obs_win32("dir_onto_dir.source_attrs", GetFileAttributesW(L"d1") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
