/*
 * time.unlink_link_times — which times of the remaining link and of the directory removing another link changes.
 *
 * Steps: create directory "d" and the file "d/f", and give it a second name
 * "d/g" (a hard link; a file system without hard links skips); for the file
 * and "d", set their access and modification times to 2001-09-09T01:46:40Z
 * (older than their change time: under Linux relatime any read then updates
 * the access time) and wait until the clock has passed their times
 * (fsc_times_setup); unlink "d/g"; report the unlink's result and, for the
 * file through its remaining name "d/f" (file.) and the directory (dir.),
 * each time "changed" or "unchanged".
 *
 * Why: the surviving file lost a link — a status change that only its ctime
 * records; hard-link trees (rsnapshot, cp -al backups, Nix and pnpm stores,
 * git's object store with hard-linked clones) are pruned by unlinking, and
 * tools that audit or back them up by ctime rely on it. The directory's
 * mtime is how watchers and make notice a removed entry.
 *
 * References: POSIX.1-2024 unlink() ("Upon successful completion, unlink()
 * shall mark for update the last data modification and last file status
 * change timestamps of the parent directory. Also, if the file's link count
 * is not 0, the last file status change timestamp of the file shall be
 * marked for update"); Linux unlink(2); Win32 DeleteFileW.
 */
#include "fsc.h"

static void probe(void)
{
    static const char *const path[2] = {"d/f", "d"};
    fsc_stat before[2];
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "data");
    int e = fsc_op_link("d/f", "d/g");
    if (e == FSC_UNSUPPORTED) fsc_skip("backend_unsupported");
    if (e) fsc_skip("no_hard_links_on_this_filesystem");
    fsc_times_setup(2, path, before);
    fsc_obs_op("unlink", fsc_op_unlink("d/g"));
    fsc_obs_times("file.", "d/f", &before[0]);
    fsc_obs_times("dir.", "d", &before[1]);
}

FSC_PROBE(probe)
