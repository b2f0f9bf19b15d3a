/*
 * time.rename_parent_times — which times of the parent directories a rename changes, within one directory and across two.
 *
 * Steps: create directories "w", "from" and "to", and the files "w/a" and
 * "from/a"; for the three directories, set their access and modification
 * times to 2001-09-09T01:46:40Z (older than their change time: under Linux
 * relatime any read then updates the access time) and wait until the clock
 * has passed their times (fsc_times_setup); rename "w/a" to "w/b" (within
 * one directory) and "from/a" to "to/a" (across two); report both renames'
 * results and, for "w" (within.), "from" (from.) and "to" (to.), each time
 * "changed" or "unchanged".
 *
 * Why: a directory's mtime is how make's directory dependencies, inotify-
 * less file watchers (polling watchers in webpack, watchman fallbacks,
 * Dropbox, Syncthing's rescans), NFS clients' lookup caches and mail
 * delivery to Maildir (new/ -> cur/ moves) notice that a name appeared or
 * left. POSIX requires both parents' times to be marked; a file system that
 * skips the source or the target directory leaves those tools with a
 * stale view.
 *
 * References: POSIX.1-2024 rename() ("Upon successful completion, rename()
 * shall mark for update the last data modification and last file status
 * change timestamps of the parent directory of each file"); Linux rename(2).
 */
#include "fsc.h"

static void probe(void)
{
    static const char *const dir[3] = {"w", "from", "to"};
    static const char *const prefix[3] = {"within.", "from.", "to."};
    fsc_stat before[3];
    for (int i = 0; i < 3; i++) FSC_OK(fsc_op_mkdir(dir[i]));
    fsc_put("w/a", "data");
    fsc_put("from/a", "data");
    fsc_times_setup(3, dir, before);
    fsc_obs_op("rename_within", fsc_op_rename("w/a", "w/b"));
    fsc_obs_op("rename_across", fsc_op_rename("from/a", "to/a"));
    for (int i = 0; i < 3; i++) fsc_obs_times(prefix[i], dir[i], &before[i]);
}

FSC_PROBE(probe)
