/*
 * time.utimensat_now_times — what utimensat() with UTIME_NOW does to each time, for both times and for one.
 *
 * Steps: create "both", "atime_only" and "mtime_only"; set their access and
 * modification times to 2001-09-09T01:46:40Z and wait until the clock has
 * passed their times (fsc_times_setup); call utimensat() with UTIME_NOW for
 * both times on "both", UTIME_NOW for the access time and UTIME_OMIT for
 * the modification time on "atime_only", and the reverse on "mtime_only";
 * stat each and report, per file, each time "changed" or "unchanged".
 *
 * Why: touch(1), make's "touch" of targets, and tar/rsync restoring times
 * use UTIME_NOW and UTIME_OMIT; the ctime must move whenever a time was
 * set (it is how backup tools notice that someone rewound an mtime), and a
 * time given as UTIME_OMIT must stay put — file systems and FUSE daemons
 * that get the special values wrong store 1970 or "now" for the omitted
 * time.
 *
 * References: POSIX.1-2024 futimens()/utimensat() ("If the tv_nsec field of
 * a timespec structure has the special value UTIME_NOW, the file's relevant
 * timestamp shall be set to the greatest value supported by the file system
 * that is not greater than the current time. If the tv_nsec field has the
 * special value UTIME_OMIT, the file's relevant timestamp shall not be
 * changed"; "Upon completion, futimens() and utimensat() shall mark the last
 * file status change timestamp for update"); Linux utimensat(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

static void probe(void)
{
    static const char *const name[3] = {"both", "atime_only", "mtime_only"};
    static const long ns[3][2] = {
        {UTIME_NOW, UTIME_NOW}, {UTIME_NOW, UTIME_OMIT}, {UTIME_OMIT, UTIME_NOW}};
    char obs[32];
    fsc_stat before[3];
    for (int i = 0; i < 3; i++) fsc_put(name[i], "data");
    fsc_times_setup(3, name, before);
    for (int i = 0; i < 3; i++) {
        struct timespec t[2] = {{0, ns[i][0]}, {0, ns[i][1]}};
        snprintf(obs, sizeof obs, "%s.utimensat", name[i]);
        fsc_obs_sys(obs, utimensat(AT_FDCWD, name[i], t, 0));
    }
    fsc_obs_times_each(3, name, before);
}
#else
static void probe(void) { fsc_skip("no_utimensat"); }
#endif

FSC_PROBE(probe)
