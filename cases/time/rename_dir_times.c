/*
 * time.rename_dir_times — which of a directory's own times renaming it changes, within its parent and to another parent.
 *
 * Steps: create directories "p" and "q", and the empty directories "p/in"
 * and "p/out"; for "p/in" and "p/out", set their access and modification
 * times to 2001-09-09T01:46:40Z (older than their change time: under Linux
 * relatime any read then updates the access time) and wait until the clock
 * has passed their times (fsc_times_setup); rename "p/in" to "p/in2" (same
 * parent) and "p/out" to "q/out" (another parent: its ".." entry now names
 * "q"); report both renames' results and, for each moved directory
 * (within., across.), each time "changed" or "unchanged".
 *
 * Why: moving a directory to another parent rewrites its ".." entry on
 * file systems that store one (ext4, XFS), which some count as a change of
 * the directory's contents (mtime) and others only as a change of status
 * (ctime), and some not at all. Directory-tree scanners that prune
 * unchanged subtrees by mtime (backup tools, updatedb, build systems with
 * directory stamps) rescan or skip the moved tree accordingly.
 *
 * References: POSIX.1-2024 rename() (marks the parent directories; for the
 * renamed file itself "Some implementations mark for update the last file
 * status change timestamp of renamed files and some do not"); Linux
 * rename(2); ext4 fs/ext4/namei.c ext4_rename (dotdot update).
 */
#include "fsc.h"

static void probe(void)
{
    static const char *const dir[2] = {"p/in", "p/out"};
    fsc_stat before[2];
    FSC_OK(fsc_op_mkdir("p"));
    FSC_OK(fsc_op_mkdir("q"));
    for (int i = 0; i < 2; i++) FSC_OK(fsc_op_mkdir(dir[i]));
    fsc_times_setup(2, dir, before);
    fsc_obs_op("rename_within", fsc_op_rename("p/in", "p/in2"));
    fsc_obs_op("rename_across", fsc_op_rename("p/out", "q/out"));
    fsc_obs_times("within.", "p/in2", &before[0]);
    fsc_obs_times("across.", "q/out", &before[1]);
}

FSC_PROBE(probe)
