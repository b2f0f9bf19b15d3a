/*
 * time.stamp_zone_offset — how many hours a file's time reads back off from the instant set or written.
 *
 * Steps: create "set" and set both its times to 1000000000 s
 * (2001-09-09T01:46:40Z, an even second: FAT's 2-second step keeps it), read
 * the modification time back and report the difference in whole hours
 * (set_read_hours: read minus set); note the clock (time()), create "fresh"
 * holding "data", read its modification time and report the difference from
 * the clock, rounded to the nearest hour (write_now_hours). 0 where the
 * filesystem keeps instants; a multiple of the zone's offset where it stores
 * local time and converts on one side only.
 *
 * Why: FAT stores wall-clock time without a zone, so what a time reads back
 * as depends on the zone the driver (a FUSE daemon's TZ) converts with, on
 * the way in and on the way out. fusefat 0.1a writes the UTC fields and reads
 * them back as local time: with its daemon in TZ=JST-9 every time set, and
 * every fresh write, reads 9 hours early, so make rebuilds (or skips) what
 * it should not and backup and sync tools copy every file again. exFAT
 * stores a UTC offset with each time and reads back exactly.
 *
 * References: Microsoft FAT specification (fatgen103, "Date and Time
 * Formats": local time, no zone); exFAT specification section 7.4.10
 * (UtcOffset fields); POSIX.1-2024 futimens()/utimensat(), <sys/stat.h>
 * (st_mtim: seconds since the Epoch, not local time).
 */
#include "fsc.h"

#include <time.h>

static long long hours(long long s)
{
    return s >= 0 ? (s + 1800) / 3600 : -((-s + 1800) / 3600);
}

static void probe(void)
{
    fsc_time t = {1000000000, 0};
    fsc_stat st;
    fsc_put("set", "data");
    FSC_OK(fsc_op_set_times("set", &t, &t));
    FSC_OK(fsc_op_stat("set", &st));
    fsc_obs_int("set_read_hours", hours(st.mtime.sec - t.sec));
    long long now = (long long)time(NULL);
    fsc_put("fresh", "data");
    FSC_OK(fsc_op_stat("fresh", &st));
    fsc_obs_int("write_now_hours", hours(st.mtime.sec - now));
}

FSC_PROBE(probe)
