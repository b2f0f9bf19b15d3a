/*
 * time.utimensat_omit_times — what utimensat() with UTIME_OMIT for both times does to the change time.
 *
 * Steps: create "f"; set its access and modification times to
 * 2001-09-09T01:46:40Z and wait until the clock has passed its times
 * (fsc_times_setup); call utimensat() with UTIME_OMIT for both times; stat
 * it and report the call's result and each time "changed" or "unchanged".
 *
 * Why: a call that sets nothing should not look like a metadata change,
 * yet POSIX says every successful utimensat() marks the ctime; Linux
 * returns early without touching the inode. Programs that build the
 * timespec pair from options (touch -a/-m, rsync --omit-dir-times paths,
 * Go's os.Chtimes with zero times, libarchive) end up with both omitted
 * and then mark — or do not mark — every file changed for ctime-based
 * backups.
 *
 * References: POSIX.1-2024 futimens()/utimensat() ("Upon completion,
 * futimens() and utimensat() shall mark the last file status change
 * timestamp for update"); Linux utimensat(2) ("If both tv_nsec fields are
 * specified as UTIME_OMIT, then the Linux implementation of utimensat()
 * succeeds even if the file referred to by dirfd and pathname does not
 * exist").
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>

static void probe(void)
{
    const char *f = "f";
    struct timespec t[2] = {{0, UTIME_OMIT}, {0, UTIME_OMIT}};
    fsc_stat before;
    fsc_put("f", "data");
    fsc_times_setup(1, &f, &before);
    fsc_obs_sys("utimensat", utimensat(AT_FDCWD, "f", t, 0));
    fsc_obs_times("", "f", &before);
}
#else
static void probe(void) { fsc_skip("no_utimensat"); }
#endif

FSC_PROBE(probe)
