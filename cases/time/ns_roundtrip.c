/*
 * time.ns_roundtrip — whether access and modification times keep distinct nanoseconds.
 *
 * Steps: create "f"; set its access time to 1500000000.111111111 s and its
 * modification time to 1600000000.222222222 s in one call; read both back
 * and report, for each, whether it equals the value set.
 *
 * Why: tools that copy files "preserving times" (cp -p, rsync -t, tar,
 * archive extractors, build caches keyed on mtime) compare the copy's times
 * with the source's; if either time loses its nanoseconds, or the two get
 * swapped or merged on the way through a library or a file system, the
 * copy never compares equal and is re-copied or rebuilt forever.
 *
 * References: POSIX.1-2024 futimens()/utimensat() (times[0] is the access
 * time, times[1] the modification time), <sys/stat.h> st_atim/st_mtim;
 * Linux utimensat(2); SetFileTime (Win32, 100 ns).
 */
#include "fsc.h"

static void probe(void)
{
    fsc_time at = {1500000000, 111111111}, mt = {1600000000, 222222222};
    fsc_stat st;
    fsc_put("f", "data");
    FSC_OK(fsc_op_set_times("f", &at, &mt));
    FSC_OK(fsc_op_stat("f", &st));
    fsc_obs_bool("atime_exact", st.atime.sec == at.sec && st.atime.nsec == at.nsec);
    fsc_obs_bool("mtime_exact", st.mtime.sec == mt.sec && st.mtime.nsec == mt.nsec);
}

FSC_PROBE(probe)
