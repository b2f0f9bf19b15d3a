/*
 * time.before_1970_fraction — how a time before 1970 with a fraction of a second is stored where it cannot be kept exactly: down (floor) or toward zero.
 *
 * Steps: create "f"; set its access and modification times to
 * -0.999999999 s (one nanosecond after 1969-12-31T23:59:59Z), both in one
 * call (some FUSE daemons set nothing when one of the two is left out);
 * read the modification time back and report it as "exact", "down"
 * (stored earlier than set: -1 s on a file system with whole seconds),
 * "up" (stored later: truncation toward zero gives 0 s) or "other" (more
 * than 10 s away: not kept at all, or wrapped), or the error setting it
 * gave. time.mtime_resolution shows the same choice for a time after 1970,
 * where truncating and rounding down agree.
 *
 * Why: POSIX asks for the greatest value not greater than the time set —
 * rounding down, which before 1970 is away from zero. C's integer division
 * and a cast of a negative double truncate toward zero instead, so a layer
 * that converts times that way (a FUSE daemon, a network protocol, a
 * library's seconds-as-double) stores pre-1970 times up to a step *later*
 * than asked. Archive extractors and `touch -d` restore such times (old
 * release tarballs, files dated 1969 by a zero-minus-one bug); a copy then
 * compares newer than its source and rsync -t or make treat it as changed.
 *
 * References: POSIX.1-2024 futimens()/utimensat() (the timestamp "shall be
 * set to the greatest value supported by the file system that is not
 * greater than the specified time"; [EINVAL] for a tv_sec the file system
 * does not support); ISO C11 6.5.5 (integer division truncates toward
 * zero); Linux utimensat(2); FILETIME (Win32: 100 ns since 1601).
 */
#include "fsc.h"

static void probe(void)
{
    fsc_time set = {-1, 1};
    fsc_stat st;
    fsc_put("f", "data");
    int err = fsc_op_set_times("f", &set, &set);
    if (err) {
        fsc_obs_op("mtime", err);
        return;
    }
    FSC_OK(fsc_op_stat("f", &st));
    long long d = (st.mtime.sec - set.sec) * 1000000000LL + (st.mtime.nsec - set.nsec);
    fsc_obs("mtime", "%s", d == 0 ? "exact"
                           : d < -10000000000LL || d > 10000000000LL ? "other"
                           : d < 0 ? "down" : "up");
}

FSC_PROBE(probe)
