/*
 * time.local_dst_roundtrip — a file time to local time and back across DST changes.
 *
 * Steps: set TZ to the POSIX rule "EST5EDT,M3.2.0,M11.1.0" (US Eastern, no
 * time zone database needed) and call tzset; for three instants — 01:30 EDT
 * and 01:30 EST on 2023-11-05 (the hour repeated at fall-back) and 03:30 EDT
 * on 2023-03-12 (just after the hour skipped at spring-forward) — set the
 * mtime of "f" to the instant, read it back, convert it with localtime_r and
 * report the local time and its offset from UTC in hours; then convert the
 * broken-down time back with mktime twice, first with tm_isdst = -1 ("let
 * the library guess", as code that rebuilds a struct tm from fields does),
 * then with tm_isdst as localtime_r gave it, and report each result minus
 * the original instant in seconds (0 = the same instant). The order of the
 * calls is fixed: a C library may seed its guess for an ambiguous time from
 * the previous conversion (glibc's mktime keeps such a static offset).
 *
 * Why: the UTC-vs-local mix-up bug class. A time stored as UTC (every file
 * time) that passes through local broken-down time without its DST flag is
 * ambiguous for one hour a year and comes back an hour off; Windows'
 * FileTimeToLocalFileTime applies TODAY's DST bias instead of the one in
 * force at the file's time, so file times converted with it (pywin32-era
 * code among others) "move" by an hour twice a year; FAT stores local time,
 * so the UTC times reported for it shift when DST changes. Backup
 * and sync tools that compare local times re-copy everything after a DST
 * change, or miss an edit made during the repeated hour.
 *
 * References: POSIX.1-2024 mktime() (tm_isdst positive/zero/negative),
 * localtime(), tzset() and the TZ rule format (XBD 8.3); C11 7.27.2.3;
 * FileTimeToLocalFileTime remarks (Win32: "uses the current settings for the
 * time zone and daylight saving time"), SystemTimeToTzSpecificLocalTime.
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#endif
#include "fsc.h"

#ifndef _WIN32
/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), for the UTC offset. */
static long long days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void round_trip(const char *name, long long instant)
{
    fsc_time t = {instant, 0};
    fsc_stat st;
    struct tm tm, again;
    char obs[64];
    FSC_OK(fsc_op_set_times("f", &t, &t));
    FSC_OK(fsc_op_stat("f", &st));
    FSC_CHECK(st.mtime.sec == instant);
    time_t mt = (time_t)st.mtime.sec;
    FSC_CHECK(localtime_r(&mt, &tm) != NULL);
    long long as_utc = days_from_civil(tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday) * 86400 +
                       tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    snprintf(obs, sizeof obs, "%s.local", name);
    fsc_obs(obs, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
            tm.tm_hour, tm.tm_min);
    snprintf(obs, sizeof obs, "%s.utc_offset_h", name);
    fsc_obs_int(obs, (as_utc - instant) / 3600);
    again = tm;
    again.tm_isdst = -1;
    snprintf(obs, sizeof obs, "%s.guess_isdst_delta_s", name);
    fsc_obs_int(obs, (long long)mktime(&again) - instant);
    again = tm;
    snprintf(obs, sizeof obs, "%s.keep_isdst_delta_s", name);
    fsc_obs_int(obs, (long long)mktime(&again) - instant);
}

static void probe(void)
{
    FSC_CHECK(setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1) == 0);
    tzset();
    fsc_put("f", "data");
    round_trip("fall_edt", 1699162200LL);   /* 2023-11-05T05:30Z = 01:30 EDT */
    round_trip("fall_est", 1699165800LL);   /* 2023-11-05T06:30Z = 01:30 EST */
    round_trip("spring", 1678606200LL);     /* 2023-03-12T07:30Z = 03:30 EDT */
}
#else
static void probe(void) { fsc_skip("no_posix_tz_rules"); }
#endif

FSC_PROBE(probe)
