/*
 * time.filetime_local_dst — FileTimeToLocalFileTime (today's DST bias) versus SystemTimeToTzSpecificLocalTime (the bias at that date), and the C runtime's TZ.
 *
 * Steps: two instants, a winter one (2023-01-15T12:00Z) and a summer one
 * (2023-07-15T12:00Z). (1) SystemTimeToTzSpecificLocalTime with an explicit
 * TIME_ZONE_INFORMATION for US Eastern (bias 300 min, DST -60 min from the
 * second Sunday of March to the first Sunday of November, 02:00): report
 * each instant's UTC offset in hours, and whether
 * TzSpecificLocalTimeToSystemTime takes the local time back to the instant.
 * (2) FileTimeToLocalFileTime, which has only the machine's zone: report
 * classes that hold in every zone on every date — whether it gave both
 * instants the same offset, and whether that offset is the one in force
 * now (GetTimeZoneInformation's bias plus the standard or daylight bias of
 * its answer). (3) The C runtime: _putenv("TZ=EST5EDT"), _tzset, then
 * localtime of each instant: the UTC offset in hours and tm_isdst; and the
 * same with TZ=CET-1CEST for 2023-03-20T12:00Z (after the US change, before
 * the EU one) — the runtime applies US rules to any TZ with a DST name.
 * Windows only; skips elsewhere.
 *
 * Why: the pywin32-era mistake: FileTimeToLocalFileTime converts every file
 * time with TODAY's daylight bias, so a file written in January shows a
 * summer offset when listed in July, and every listed time "moves" by an
 * hour twice a year: backup and sync tools that compare local times re-copy
 * everything after a DST change. The documented fix is
 * SystemTimeToTzSpecificLocalTime. The C runtime's TZ variable, meanwhile,
 * silently applies US DST dates to European zone names.
 *
 * References: Microsoft Learn, FileTimeToLocalFileTime (Remarks: it "uses
 * the current settings for the time zone and daylight saving time. Therefore,
 * if it is daylight saving time, this function will take daylight saving
 * time into account, even if the time you are converting is in standard
 * time"; use FileTimeToSystemTime, SystemTimeToTzSpecificLocalTime,
 * SystemTimeToFileTime instead), SystemTimeToTzSpecificLocalTime,
 * TIME_ZONE_INFORMATION, _tzset ("the C run-time library assumes the United
 * States' rules for implementing the calculation of daylight saving time");
 * Wine dlls/kernel32/tests/time.c test_FileTimeToLocalFileTime,
 * test_TzSpecificLocalTimeToSystemTime.
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const long long winter = 1673784000LL;   /* 2023-01-15T12:00:00Z */
static const long long summer = 1689422400LL;   /* 2023-07-15T12:00:00Z */
static const long long march = 1679313600LL;    /* 2023-03-20T12:00:00Z */

static ULONGLONG ticks(long long unix_s) { return (ULONGLONG)(unix_s + 11644473600LL) * 10000000ULL; }
static FILETIME to_ft(ULONGLONG t) { FILETIME f = {(DWORD)t, (DWORD)(t >> 32)}; return f; }
static ULONGLONG from_ft(FILETIME f) { return ((ULONGLONG)f.dwHighDateTime << 32) | f.dwLowDateTime; }
/* (local - utc) in whole hours, from two tick counts */
static long long hours(ULONGLONG local, ULONGLONG utc) { return ((long long)(local - utc)) / 36000000000LL; }

static void explicit_zone(const char *name, long long t)
{
    TIME_ZONE_INFORMATION tz;
    SYSTEMTIME utc, local, back;
    FILETIME f = to_ft(ticks(t)), lf, bf;
    char obs[64];
    memset(&tz, 0, sizeof tz);
    tz.Bias = 300;
    tz.StandardDate.wMonth = 11, tz.StandardDate.wDay = 1, tz.StandardDate.wHour = 2;
    tz.DaylightDate.wMonth = 3, tz.DaylightDate.wDay = 2, tz.DaylightDate.wHour = 2;
    tz.DaylightBias = -60;
    FSC_CHECK(FileTimeToSystemTime(&f, &utc));
    FSC_CHECK(SystemTimeToTzSpecificLocalTime(&tz, &utc, &local));
    FSC_CHECK(SystemTimeToFileTime(&local, &lf));
    snprintf(obs, sizeof obs, "tz_specific.%s.offset_hours", name);
    fsc_obs_int(obs, hours(from_ft(lf), ticks(t)));
    FSC_CHECK(TzSpecificLocalTimeToSystemTime(&tz, &local, &back));
    FSC_CHECK(SystemTimeToFileTime(&back, &bf));
    snprintf(obs, sizeof obs, "tz_specific.%s.round_trip", name);
    fsc_obs_bool(obs, from_ft(bf) == ticks(t));
}

static long long ftltf_minutes(long long t)
{
    FILETIME f = to_ft(ticks(t)), lf;
    FSC_CHECK(FileTimeToLocalFileTime(&f, &lf));
    return ((long long)(from_ft(lf) - ticks(t))) / 600000000LL;
}

static void crt_zone(const char *tz, const char *name, long long t)
{
    char obs[64], env[32];
    time_t tt = (time_t)t;
    snprintf(env, sizeof env, "TZ=%s", tz);
    FSC_CHECK(_putenv(env) == 0);
    _tzset();
    struct tm *tm = localtime(&tt);
    FSC_CHECK(tm != NULL);
    struct tm copy = *tm;
    long long as_utc = (long long)_mkgmtime(&copy);
    snprintf(obs, sizeof obs, "crt.%s.offset_hours", name);
    fsc_obs_int(obs, (as_utc - t) / 3600);
    snprintf(obs, sizeof obs, "crt.%s.isdst", name);
    fsc_obs_bool(obs, tm->tm_isdst > 0);
}

static void probe(void)
{
    TIME_ZONE_INFORMATION now;
    explicit_zone("winter", winter);
    explicit_zone("summer", summer);

    long long w = ftltf_minutes(winter), s = ftltf_minutes(summer);
    DWORD id = GetTimeZoneInformation(&now);
    FSC_CHECK(id != TIME_ZONE_ID_INVALID);
    long long current = -(now.Bias + (id == TIME_ZONE_ID_DAYLIGHT   ? now.DaylightBias
                                      : id == TIME_ZONE_ID_STANDARD ? now.StandardBias
                                                                    : 0));
    fsc_obs_bool("ftltf.same_offset_winter_summer", w == s);
    fsc_obs_bool("ftltf.offset_is_current_bias", w == current && s == current);

    crt_zone("EST5EDT", "est5edt_winter", winter);
    crt_zone("EST5EDT", "est5edt_summer", summer);
    crt_zone("CET-1CEST", "cet_march20", march);
}
#else
static void probe(void) { fsc_skip("no_win32_time_zones"); }
#endif

FSC_PROBE(probe)
