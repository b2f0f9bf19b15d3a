/*
 * time.readdir_times — which of a directory's times listing it changes.
 *
 * Steps: create directory "d" and the file "d/f"; for "d", set its access
 * and modification times to 2001-09-09T01:46:40Z (older than its change
 * time: under Linux relatime any read then updates the access time) and
 * wait until the clock has passed its times (fsc_times_setup); list "d"
 * (POSIX opendir/readdir, Win32 FindFirstFileW/FindNextFileW); report the
 * listing's result and each of the directory's times "changed" or
 * "unchanged".
 *
 * Why: reading a directory is a read of it: POSIX marks its access time,
 * and tmpreaper/tmpwatch (which delete directories nobody used), HSM and
 * archiving tiers and "recently used" heuristics rely on that; mount
 * options (noatime, relatime), FUSE daemons and Windows' last-access
 * policy each decide otherwise. Listing must never move the mtime or ctime.
 *
 * References: POSIX.1-2024 readdir() ("Upon successful completion,
 * readdir() shall mark for update the last data access timestamp of the
 * directory each time the directory is actually read"); Linux mount(8)
 * (relatime); Win32 "File Times" (last access time).
 */
#include "fsc.h"

static void probe(void)
{
    const char *d = "d";
    fsc_stat before;
    int count;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "data");
    fsc_times_setup(1, &d, &before);
    fsc_obs_op("list", fsc_op_list("d", NULL, 0, &count));
    fsc_obs_times("", "d", &before);
}

FSC_PROBE(probe)
