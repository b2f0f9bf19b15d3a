/*
 * time.set_mtime_only — whether setting only the modification time leaves the access time alone.
 *
 * Steps: create "f"; set both times to 1500000000.5 s and read them back;
 * then set only the modification time, to 1600000000.25 s, leaving the
 * access time out (UTIME_OMIT on POSIX, a NULL FILETIME on Windows); read
 * both back and report whether the access time is unchanged and whether the
 * modification time changed (compared with what was read back before, so
 * the file system's time resolution does not matter).
 *
 * Why: "touch -m", make's "touch" of targets and sync tools update one time
 * and must not disturb the other; before UTIME_OMIT (utime/utimes) a program
 * had to stat the file and write the old atime back — losing its
 * nanoseconds and racing with readers — and libraries that emulate the omit
 * that way still do.
 *
 * References: POSIX.1-2024 futimens()/utimensat() ("If the tv_nsec field of
 * a timespec structure has the special value UTIME_OMIT, the file's
 * relevant timestamp shall not be changed"); Linux utimensat(2); SetFileTime
 * (Win32: a NULL time is left unchanged).
 */
#include "fsc.h"

static void probe(void)
{
    fsc_time both = {1500000000, 500000000}, mt = {1600000000, 250000000};
    fsc_stat before, after;
    fsc_put("f", "data");
    FSC_OK(fsc_op_set_times("f", &both, &both));
    FSC_OK(fsc_op_stat("f", &before));
    fsc_obs_op("set_mtime", fsc_op_set_times("f", NULL, &mt));
    FSC_OK(fsc_op_stat("f", &after));
    fsc_obs_bool("atime_unchanged",
                 after.atime.sec == before.atime.sec && after.atime.nsec == before.atime.nsec);
    fsc_obs_bool("mtime_changed",
                 after.mtime.sec != before.mtime.sec || after.mtime.nsec != before.mtime.nsec);
}

FSC_PROBE(probe)
