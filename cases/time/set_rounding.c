/*
 * time.set_rounding — which way a time the file system cannot hold exactly is stored: down (truncated) or up (rounded).
 *
 * Steps: create "late" and "pre1970"; set the access and modification
 * times of "late" to 1000000000.999999999 s (one nanosecond before a whole
 * second) and of "pre1970" to -0.999999999 s (one nanosecond after -1 s,
 * before 1970), both in one call (some FUSE daemons set nothing when one
 * of the two is left out); read each modification time back and report
 * it as "exact", "down" (stored earlier than set), "up" (stored later) or
 * "other" (more than 10 s away: not kept at all, or wrapped), or the error
 * setting it gave.
 *
 * Why: a file system (or a layer: FUSE, a network protocol, FILETIME's
 * 100 ns) with coarser times must round a finer one. POSIX asks for the
 * greatest value not greater than the one set: rounding down, and for a
 * time before 1970 that means away from zero, which C's integer division
 * does not do. Tools that copy times and compare them afterwards (rsync
 * -t, make on a copied tree, cp -p then a staleness check, archive
 * extractors) see a copy one step *newer* than its source where a layer
 * rounds up or truncates toward zero — make then skips a rebuild it
 * needed, or rsync re-copies forever.
 *
 * References: POSIX.1-2024 futimens()/utimensat() ("The file's relevant
 * timestamp shall be set to the greatest value supported by the file
 * system that is not greater than the specified time"); Linux
 * utimensat(2), fs/inode.c timestamp_truncate(); SetFileTime (Win32,
 * 100 ns FILETIME).
 */
#include "fsc.h"

#include <stdio.h>

static const char *direction(fsc_time set, fsc_time got)
{
    long long d = (got.sec - set.sec) * 1000000000LL + (got.nsec - set.nsec);
    if (d == 0) return "exact";
    if (d < -10000000000LL || d > 10000000000LL) return "other";
    return d < 0 ? "down" : "up";
}

static void probe(void)
{
    static const struct { const char *name; fsc_time t; } cases[] = {
        {"late", {1000000000, 999999999}},
        {"pre1970", {-1, 1}},
    };
    for (int i = 0; i < 2; i++) {
        fsc_stat st;
        char obs[32];
        fsc_put(cases[i].name, "data");
        int err = fsc_op_set_times(cases[i].name, &cases[i].t, &cases[i].t);
        FSC_CHECK(snprintf(obs, sizeof obs, "%s.mtime", cases[i].name) < (int)sizeof obs);
        if (err) {
            fsc_obs_op(obs, err);
            continue;
        }
        FSC_OK(fsc_op_stat(cases[i].name, &st));
        fsc_obs(obs, "%s", direction(cases[i].t, st.mtime));
    }
}

FSC_PROBE(probe)
