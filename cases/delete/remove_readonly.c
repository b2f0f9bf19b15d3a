/*
 * delete.remove_readonly — can a read-only file be removed, or renamed over, through the library's own calls?
 *
 * Steps: create "ro" ("data") and make it read-only (fsc_op_set_readonly:
 * POSIX write bits cleared, Win32 FILE_ATTRIBUTE_READONLY); remove it
 * (fsc_op_unlink) and report whether its name still stats ("kept").
 * Then create "src" ("new") and "dst" ("old"), make "dst" read-only,
 * rename "src" over it (fsc_op_rename) and report what "dst" reads.
 * Whatever is left is made writable again and removed.
 *
 * Why: on POSIX a file's own permission bits do not protect it from
 * unlink or rename (the directory's write permission decides); on Windows
 * the read-only attribute makes DeleteFileW and MoveFileExW onto it fail
 * with ERROR_ACCESS_DENIED. Libraries choose differently: some pass that
 * through (the C runtime's remove), some clear the attribute and retry or
 * delete with POSIX semantics that ignore it. Cleanup code ported from
 * POSIX (build trees, Git object files, node_modules) trips on exactly
 * this. Under Wine the attribute is a Unix mode bit, which root ignores:
 * observed as an unprivileged user.
 *
 * References: POSIX.1-2024 unlink() ("[EACCES] Search permission is denied
 * ... or write permission is denied on the directory"), rename();
 * DeleteFileW (Remarks: "If an application attempts to delete a file that
 * ... is read-only, the function fails with ERROR_ACCESS_DENIED")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * MoveFileExW https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw
 */
#include "fsc.h"

static void writable_gone(const char *path)
{
    fsc_stat st;
    if (fsc_op_stat(path, &st)) return;
    FSC_OK(fsc_op_set_readonly(path, 0));
    FSC_OK(fsc_op_unlink(path));
}

static void probe(void)
{
    fsc_stat st;
    fsc_put("ro", "data");
    fsc_obs_op("set_readonly", fsc_op_set_readonly("ro", 1));
    fsc_obs_op("unlink", fsc_op_unlink("ro"));
    fsc_obs_bool("kept", fsc_op_stat("ro", &st) == 0);
    writable_gone("ro");

    fsc_put("src", "new");
    fsc_put("dst", "old");
    FSC_OK(fsc_op_set_readonly("dst", 1));
    fsc_obs_op("rename_over", fsc_op_rename("src", "dst"));
    fsc_obs_file("dst_reads", "dst");
    writable_gone("dst");
    writable_gone("src");
}

FSC_PROBE(probe)
