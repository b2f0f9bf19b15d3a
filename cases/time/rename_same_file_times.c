/*
 * time.rename_same_file_times — renaming a file onto another link of itself: what happens to the names and the times.
 *
 * Steps: create directory "d" and the file "d/a", and give it a second name
 * "d/b" (a hard link; a file system without hard links skips); for the file
 * and "d", set their access and modification times to 2001-09-09T01:46:40Z
 * (older than their change time: under Linux relatime any read then updates
 * the access time) and wait until the clock has passed their times
 * (fsc_times_setup); rename "d/a" onto "d/b"; report the rename's result,
 * whether "d/a" still exists (a_exists), and, for the file (file.) and the
 * directory (dir.), each time "changed" or "unchanged".
 *
 * Why: POSIX makes this rename a successful no-op, so both names stay —
 * surprising to a program that renames a temporary file over its target
 * and expects the temporary name to be gone (atomic-save in editors,
 * package managers and cp -al/rsync --link-dest trees, where the two names
 * are often links of one file). Windows has no such rule: a rename removes
 * the destination link and moves the source name.
 *
 * References: POSIX.1-2024 rename() ("If the old argument and the new
 * argument resolve to either the same existing directory entry or different
 * directory entries for the same existing file, rename() shall return
 * successfully and perform no other action"); Linux rename(2) ("If oldpath
 * and newpath are existing hard links referring to the same file, then
 * rename() does nothing, and returns a success status"); Win32 MoveFileExW.
 */
#include "fsc.h"

static void probe(void)
{
    static const char *const path[2] = {"d/a", "d"};
    fsc_stat before[2], st;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/a", "data");
    int e = fsc_op_link("d/a", "d/b");
    if (e == FSC_UNSUPPORTED) fsc_skip("backend_unsupported");
    if (e) fsc_skip("no_hard_links_on_this_filesystem");
    fsc_times_setup(2, path, before);
    fsc_obs_op("rename", fsc_op_rename("d/a", "d/b"));
    fsc_obs_bool("a_exists", fsc_op_stat("d/a", &st) == 0);
    fsc_obs_times("file.", "d/b", &before[0]);
    fsc_obs_times("dir.", "d", &before[1]);
}

FSC_PROBE(probe)
