/*
 * dir.rmdir_dot_names — rmdir of a path whose last component is "." or "..".
 *
 * Steps: make "d" holding the empty directory "d/e" and change into "d";
 * rmdir "." (d itself), ".." (the sandbox) and "e/." (the empty e through a
 * dot name); report each result (dot, dotdot, sub_dot); change back to
 * ".." and report whether "d" and "d/e" still exist (d_left, e_left).
 *
 * Why: "rm -r ." and cleanup code that builds "dir/." or walks to ".."
 * meet these cases. POSIX forbids removing through a final "." (EINVAL),
 * and ".." is never empty while the caller is below it, so it fails with
 * EEXIST/ENOTEMPTY (Linux documents ENOTEMPTY, some systems EBUSY);
 * Windows resolves dot names before the file system sees them, so
 * "e/." is simply "e" and "." is the current directory, held open.
 *
 * References: POSIX.1-2024 rmdir() ("If the path argument refers to a path
 * whose final component is either dot or dot-dot, rmdir() shall fail";
 * [EINVAL] "The path argument contains a last component that is dot";
 * [EEXIST] or [ENOTEMPTY]); rmdir(2) (ENOTEMPTY "pathname has .. as its
 * final component"); RemoveDirectoryW on Microsoft Learn.
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("d"));
    FSC_OK(fsc_op_mkdir("d/e"));
    FSC_OK(fsc_op_chdir("d"));
    fsc_obs_op("dot", fsc_op_rmdir("."));
    fsc_obs_op("dotdot", fsc_op_rmdir(".."));
    fsc_obs_op("sub_dot", fsc_op_rmdir("e/."));
    FSC_OK(fsc_op_chdir(".."));
    fsc_obs_bool("d_left", fsc_op_stat("d", &st) == 0);
    fsc_obs_bool("e_left", fsc_op_stat("d/e", &st) == 0);
}

FSC_PROBE(probe)
