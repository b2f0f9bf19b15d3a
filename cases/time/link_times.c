/*
 * time.link_times — which times of the file and of its directory making a hard link changes.
 *
 * Steps: create directory "d" and the file "d/f"; for both, set their
 * access and modification times to 2001-09-09T01:46:40Z (older than their
 * change time: under Linux relatime any read then updates the access time)
 * and wait until the clock has passed their times (fsc_times_setup); link
 * "d/f" as "d/g"; report the link's result and, for the file (file.) and
 * the directory (dir.), each time "changed" or "unchanged".
 *
 * Why: a new link changes the file's link count (a status change: ctime)
 * and the directory's contents (mtime and ctime). Hard-link based backup
 * and deduplication tools (rsnapshot, cp -al, rdfind, hardlink(1)) and
 * git's index notice the file changed only through its ctime; polling file
 * watchers and make see a directory's new entry only through its mtime.
 *
 * References: POSIX.1-2024 link() ("Upon successful completion, link()
 * shall mark for update the last file status change timestamp of the file.
 * Also, the last data modification and last file status change timestamps
 * of the directory that contains the new entry shall be marked for
 * update"); Linux link(2); Win32 CreateHardLinkW.
 */
#include "fsc.h"

static void probe(void)
{
    static const char *const path[2] = {"d/f", "d"};
    fsc_stat before[2];
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "data");
    fsc_times_setup(2, path, before);
    fsc_obs_op("link", fsc_op_link("d/f", "d/g"));
    fsc_obs_times("file.", "d/f", &before[0]);
    fsc_obs_times("dir.", "d", &before[1]);
}

FSC_PROBE(probe)
