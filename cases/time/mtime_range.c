/*
 * time.mtime_range — modification times from 1969 to 2200: set, and what reads back.
 *
 * Steps: create "f"; for each point — 1969-12-31T23:59:58Z (pre1970),
 * 1970-01-01T00:00:00Z (epoch), 1980-01-01T00:00:00Z (dos_epoch),
 * 2038-01-19T03:14:08Z (y2038, 2^31 s), 2107-12-31T00:00:00Z (y2107),
 * 2200-01-01T00:00:00Z (y2200), all whole even seconds so a 2-second
 * step changes nothing — first set both times to a base,
 * 2001-09-09T01:46:40Z, then set both to the point and report the call's
 * result (<point>.set) and what the mtime reads: "exact", "unchanged"
 * (still the base), or the UTC time read back (YYYY-MM-DDTHH:MM:SSZ).
 *
 * Why: every file system has a range (FAT 1980-2107 in local time, NTFS
 * 1601-30828, ext4 1901-2446, XFS without bigtime and 32-bit kernels
 * 1901-2038) and handles a time outside it differently: an error, a
 * silent clamp to the nearest end, or a wrap. Archive extractors,
 * version-control checkouts and sync tools copy such times; a clamp makes
 * two different times compare equal, a wrap moves a file decades.
 *
 * References: POSIX.1-2024 futimens()/utimensat() (EINVAL "a time value
 * ... not supported"; EOVERFLOW); Linux ext4 "Inode Timestamps" (kernel
 * documentation); Win32 "File Times" and FILETIME (100 ns since 1601);
 * Microsoft "FAT: General Overview of On-Disk Format" (date 1980-2107).
 */
#include "fsc.h"

#include <stdio.h>

static void put_utc(const char *name, long long s)
{
    long long days = s / 86400, rem = s % 86400;
    if (rem < 0) rem += 86400, days -= 1;
    /* civil date from days since 1970-01-01 (proleptic Gregorian) */
    long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    fsc_obs(name, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", yoe + era * 400 + (m <= 2), m, d,
            rem / 3600, rem / 60 % 60, rem % 60);
}

static void point(const char *name, long long sec)
{
    fsc_time base = {1000000000, 0}, t = {sec, 0};
    fsc_stat st;
    char obs[48];
    FSC_OK(fsc_op_set_times("f", &base, &base));
    snprintf(obs, sizeof obs, "%s.set", name);
    fsc_obs_op(obs, fsc_op_set_times("f", &t, &t));
    FSC_OK(fsc_op_stat("f", &st));
    snprintf(obs, sizeof obs, "%s.read", name);
    if (st.mtime.sec == sec && st.mtime.nsec == 0) fsc_obs(obs, "exact");
    else if (st.mtime.sec == base.sec && st.mtime.nsec == 0) fsc_obs(obs, "unchanged");
    else put_utc(obs, st.mtime.sec);
}

static void probe(void)
{
    fsc_put("f", "data");
    point("pre1970", -2);
    point("epoch", 0);
    point("dos_epoch", 315532800);
    point("y2038", 2147483648LL);
    point("y2107", 4354732800LL);
    point("y2200", 7258118400LL);
}

FSC_PROBE(probe)
