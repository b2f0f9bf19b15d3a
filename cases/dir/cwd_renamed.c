/*
 * dir.cwd_renamed — rename the current directory, then open and create by relative names.
 *
 * Steps: make "old" holding "old/f" ("in") and change into it; rename
 * "../old" to "../new" (fsc_op_rename); report the result; read "f"
 * (read_relative: what it reads, empty, or unreadable) and create "g" by
 * relative names (create_relative); change to ".." and report where "g"
 * went (g_in_new, g_in_old: whether "new/g", "old/g" exist).
 *
 * Why: a build or test process that sits in a directory another tool
 * renames ("mv build build.old", a rotating log or release directory)
 * keeps using relative paths. POSIX processes hold their directory by
 * identity, so the rename succeeds and relative names keep working inside
 * the renamed directory; Windows holds the current directory open
 * without delete sharing, so the rename is refused, and a tool that
 * rotates directories works on one platform and fails on the other.
 *
 * References: POSIX.1-2024 rename(), chdir() (the current working
 * directory is a directory, not a path name); path_resolution(7);
 * SetCurrentDirectory and MoveFileExW on Microsoft Learn.
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("old"));
    fsc_put("old/f", "in");
    FSC_OK(fsc_op_chdir("old"));
    fsc_obs_op("rename", fsc_op_rename("../old", "../new"));
    const char *s = fsc_get("f");
    fsc_obs("read_relative", "%s", s ? (*s ? s : "empty") : "unreadable");
    fsc_fd fd;
    int err = fsc_op_open("g", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_ALL, &fd);
    fsc_obs_op("create_relative", err);
    if (!err) FSC_OK(fsc_op_close(fd));
    FSC_OK(fsc_op_chdir(".."));
    fsc_obs_bool("g_in_new", fsc_op_stat("new/g", &st) == 0);
    fsc_obs_bool("g_in_old", fsc_op_stat("old/g", &st) == 0);
}

FSC_PROBE(probe)
