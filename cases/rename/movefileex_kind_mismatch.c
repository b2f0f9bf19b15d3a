/*
 * rename.movefileex_kind_mismatch — MoveFileExW with MOVEFILE_REPLACE_EXISTING of a file onto a directory, a directory onto a file, and a directory onto an empty directory.
 *
 * Steps: "file_onto_dir": file "f1" onto empty directory "d1";
 * "dir_onto_file": empty directory "d2" onto file "f2"; "dir_onto_dir":
 * empty directory "d3" onto empty directory "d4". Report each result, and
 * afterwards what each destination name is ("file", "dir" or "missing")
 * and whether each source is still there. Skips on POSIX.
 *
 * Why: POSIX rename() refuses both kind mismatches (EISDIR, ENOTDIR) and
 * replaces an empty directory with a directory; code ported from there
 * assumes MoveFileExW "replace" means the same. On Windows replacing a
 * file with a directory is allowed, which silently deletes a file whose
 * name a directory took (a build step creating an output directory where
 * a file of the same name was), while replacing a directory never is.
 *
 * References: MoveFileExW (MOVEFILE_REPLACE_EXISTING: "This value cannot be
 * used if lpNewFileName or lpExistingFileName names a directory")
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw;
 * Wine dlls/kernel32/tests/file.c test_move_file; POSIX.1-2024 rename()
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
static const char *kind(const wchar_t *path)
{
    DWORD a = GetFileAttributesW(path);
    return a == INVALID_FILE_ATTRIBUTES ? "missing" : (a & FILE_ATTRIBUTE_DIRECTORY) ? "dir" : "file";
}

static void one_case(const char *tag, const wchar_t *from, const wchar_t *to)
{
    char obs[48];
    snprintf(obs, sizeof obs, "%s.move", tag);
    fsc_obs_win32(obs, MoveFileExW(from, to, MOVEFILE_REPLACE_EXISTING));
    snprintf(obs, sizeof obs, "%s.dest", tag);
    fsc_obs(obs, "%s", kind(to));
    snprintf(obs, sizeof obs, "%s.source", tag);
    fsc_obs(obs, "%s", kind(from));
}

static void probe(void)
{
    fsc_put("f1", "one");
    fsc_put("f2", "two");
    FSC_OK(fsc_op_mkdir("d1"));
    FSC_OK(fsc_op_mkdir("d2"));
    FSC_OK(fsc_op_mkdir("d3"));
    FSC_OK(fsc_op_mkdir("d4"));
    one_case("file_onto_dir", L"f1", L"d1");
    one_case("dir_onto_file", L"d2", L"f2");
    one_case("dir_onto_dir", L"d3", L"d4");
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
