/*
 * time.ctime_on_rename — whether renaming a file changes its own change time (ctime).
 *
 * Steps: create "a"; set its access and modification times to
 * 2001-09-09T01:46:40Z (file systems without a change time report one of
 * those instead, and then show it fixed); stat it; wait until the clock
 * file systems stamp times from has passed the time step that ctime falls
 * in (fsc_times_setup: 1 ns, 10 ms or 1 s, read from its trailing zeros;
 * bounded by 3 s); rename "a" to "b";
 * stat "b" and report, for its ctime and (as a control: the data did not
 * change) its mtime, "changed" or "unchanged". The wait makes a change
 * visible whatever the time step; only classes are reported.
 *
 * Why: POSIX leaves it open whether rename() marks the file's ctime, and
 * file systems differ (Linux ext4, XFS, btrfs and tmpfs update it; others
 * do not, or have no change time at all). Backup and sync tools that use
 * ctime to find changed files (rsync --checksum-less scans, incremental
 * tar --newer-ctime, git's index "stat data", restic, borg) re-read
 * every renamed file on one platform and miss metadata changes on
 * another.
 *
 * References: POSIX.1-2024 rename() ("Some implementations mark for update
 * the last file status change timestamp of renamed files and some do
 * not"); Linux rename(2); clock_gettime(2) (CLOCK_REALTIME_COARSE); Linux
 * Documentation/filesystems/multigrain-ts.rst.
 */
#include "fsc.h"

static int same(fsc_time a, fsc_time b) { return a.sec == b.sec && a.nsec == b.nsec; }

static void probe(void)
{
    const char *a = "a";
    fsc_stat before, after;
    fsc_put("a", "data");
    fsc_times_setup(1, &a, &before);
    fsc_obs_op("rename", fsc_op_rename("a", "b"));
    FSC_OK(fsc_op_stat("b", &after));
    fsc_obs("ctime", "%s", same(after.ctime, before.ctime) ? "unchanged" : "changed");
    fsc_obs("mtime", "%s", same(after.mtime, before.mtime) ? "unchanged" : "changed");
}

FSC_PROBE(probe)
