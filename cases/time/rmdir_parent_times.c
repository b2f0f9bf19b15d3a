/*
 * time.rmdir_parent_times — which of the parent directory's times removing a subdirectory changes.
 *
 * Steps: create directories "d" and "d/sub"; for "d", set its access and
 * modification times to 2001-09-09T01:46:40Z (older than its change time:
 * under Linux relatime any read then updates the access time) and wait
 * until the clock has passed its times (fsc_times_setup); remove "d/sub";
 * report the rmdir's result and each of "d"'s times "changed" or
 * "unchanged".
 *
 * Why: a removed entry changes the directory's contents; polling file
 * watchers, make, NFS clients' caches and backup tools that skip
 * directories whose mtime did not move rely on the parent's mtime (and
 * ctime) to notice that a subdirectory went away.
 *
 * References: POSIX.1-2024 rmdir() ("Upon successful completion, rmdir()
 * shall mark for update the last data modification and last file status
 * change timestamps of the parent directory"); Linux rmdir(2); Win32
 * RemoveDirectoryW.
 */
#include "fsc.h"

static void probe(void)
{
    const char *d = "d";
    fsc_stat before;
    FSC_OK(fsc_op_mkdir("d"));
    FSC_OK(fsc_op_mkdir("d/sub"));
    fsc_times_setup(1, &d, &before);
    fsc_obs_op("rmdir", fsc_op_rmdir("d/sub"));
    fsc_obs_times("", "d", &before);
}

FSC_PROBE(probe)
