/*
 * time.mkdir_parent_times — which of the parent directory's times creating a subdirectory changes.
 *
 * Steps: create directory "d"; set its access and modification times to
 * 2001-09-09T01:46:40Z (older than its change time: under Linux relatime
 * any read then updates the access time) and wait until the clock has
 * passed its times (fsc_times_setup); create "d/sub"; report the mkdir's
 * result and each of "d"'s times "changed" or "unchanged".
 *
 * Why: a new entry changes the directory's contents (mtime) and, with it,
 * its link count (the subdirectory's ".." on file systems that count it)
 * and status (ctime). Polling file watchers, make's directory targets,
 * NFS clients' lookup caches and rsync's directory scans rely on the
 * parent's mtime to notice new directories.
 *
 * References: POSIX.1-2024 mkdir() ("Upon successful completion, mkdir()
 * shall mark for update the last data access, last data modification, and
 * last file status change timestamps of the directory. Also, the last data
 * modification and last file status change timestamps of the directory that
 * contained the new entry shall be marked for update"); Linux mkdir(2).
 */
#include "fsc.h"

static void probe(void)
{
    const char *d = "d";
    fsc_stat before;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_times_setup(1, &d, &before);
    fsc_obs_op("mkdir", fsc_op_mkdir("d/sub"));
    fsc_obs_times("", "d", &before);
}

FSC_PROBE(probe)
