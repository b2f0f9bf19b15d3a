/*
 * time.mtime_resolution — the step a modification time is stored with, and the rounding.
 *
 * Steps: create "f"; set its times to 1234567891.123456789 s and read the
 * mtime back; the resolution is the largest step r in 1 ns, 10 ns, ...,
 * 1 s, 2 s that the stored time is a multiple of while lying within r of
 * the value set (the digits 1..9 make every step distinguishable) — reported
 * in ns. Then set 1234567891.999999999 s and read it back: stored equal to
 * the value set ("exact"), below it ("truncated"), or above it ("rounded_up",
 * as rounding to the nearest step does at any step). No clock is read and
 * nothing waits: the result is a property of the file system.
 *
 * Why: build tools (make, ninja), rsync, backup and sync programs compare
 * mtimes; when one side stores 1 ns (ext4, tmpfs, APFS), another 100 ns
 * (NTFS), 1 s (ext3, HFS+, 128-byte-inode ext4) or 2 s (FAT), a copied file
 * looks changed or an edit within the same step goes unnoticed. Rounding
 * up instead of truncating makes a copy look NEWER than its source.
 *
 * References: POSIX.1-2024 futimens()/utimensat() (the timestamp "shall be
 * set to the greatest value supported by the file system that is not
 * greater than the specified time"); Linux utimensat(2); Win32 "File Times"
 * (FAT 2 s write time, NTFS 100 ns).
 */
#include "fsc.h"

static long long ns_of(fsc_time t) { return t.sec * 1000000000LL + t.nsec; }

static fsc_time set_and_read(long long sec, long nsec)
{
    fsc_time t = {sec, nsec};
    fsc_stat st;
    FSC_OK(fsc_op_set_times("f", &t, &t));
    FSC_OK(fsc_op_stat("f", &st));
    return st.mtime;
}

static void probe(void)
{
    fsc_put("f", "data");
    long long set = ns_of((fsc_time){1234567891, 123456789});
    long long got = ns_of(set_and_read(1234567891, 123456789));
    long long res = 0;
    for (long long r = 1; r <= 1000000000LL; r *= 10)
        if (got % r == 0 && got - set < r && set - got < r) res = r;
    if (got % 2000000000LL == 0 && got - set < 2000000000LL && set - got < 2000000000LL)
        res = 2000000000LL;
    if (res) fsc_obs_int("resolution_ns", res);
    else fsc_obs("resolution_ns", "unknown");
    set = ns_of((fsc_time){1234567891, 999999999});
    got = ns_of(set_and_read(1234567891, 999999999));
    fsc_obs("rounding", "%s", got == set ? "exact" : got < set ? "truncated" : "rounded_up");
}

FSC_PROBE(probe)
