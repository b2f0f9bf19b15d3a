/*
 * time.atime_resolution — the step an access time is stored with, set explicitly.
 *
 * Steps: create "f"; set its access time to 1234567891.123456789 s
 * (2009-02-13T23:31:31Z) and its modification time to 1300000000 s, and
 * read the access time back; report the largest step r of 1 ns, 10 ns,
 * ..., 1 s, 2 s that the stored value is a multiple of while lying within
 * r of the value set, in ns; or "day" when the value is a midnight (a
 * multiple of 15 minutes, so any time zone's midnight) less than a day and
 * 14 hours below it (an access DATE, as FAT keeps); or "mtime" when it
 * reads back as the modification time (no access time of its own); else
 * "unknown". No clock is read.
 *
 * Why: time.mtime_resolution covers the modification time, but file
 * systems store the access time with its own, often coarser, step (FAT: a
 * date; exFAT: 2 s without the 10 ms field the other two times have), so a
 * tool that preserves times (cp -p, rsync -t, tar, backup restore) finds
 * the access time changed on every copy to such a volume, and "was it read
 * since" logic (mail readers, tmpwatch-style cleaners) misjudges. Some
 * drivers keep no access time at all and report the modification time.
 *
 * References: POSIX.1-2024 futimens()/utimensat(); Win32 "File Times"
 * (learn.microsoft.com/windows/win32/sysinfo/file-times: FAT access time
 * "has a resolution of 1 day"); exFAT specification (Microsoft Learn,
 * "exFAT file system specification": LastAccessedTimestamp has no 10 ms
 * increment field, unlike the create and modify times).
 */
#include "fsc.h"

static void probe(void)
{
    static const long long steps[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                      100000000, 1000000000, 2000000000};
    fsc_time t = {1234567891, 123456789}, mt = {1300000000, 0};
    fsc_stat st;
    fsc_put("f", "data");
    FSC_OK(fsc_op_set_times("f", &t, &mt));
    FSC_OK(fsc_op_stat("f", &st));
    long long set = t.sec * 1000000000LL + t.nsec;
    long long got = st.atime.sec * 1000000000LL + st.atime.nsec, res = 0;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (got % steps[i] == 0 && got - set < steps[i] && set - got < steps[i]) res = steps[i];
    if (res)
        fsc_obs_int("resolution_ns", res);
    else if (got % (900 * 1000000000LL) == 0 && got <= set + 14 * 3600 * 1000000000LL &&
             set - got < (86400 + 14 * 3600) * 1000000000LL)
        fsc_obs("resolution_ns", "day");
    else if (st.atime.sec == st.mtime.sec && st.atime.nsec == st.mtime.nsec)
        fsc_obs("resolution_ns", "mtime");
    else
        fsc_obs("resolution_ns", "unknown");
}

FSC_PROBE(probe)
