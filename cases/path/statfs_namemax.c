/*
 * path.statfs_namemax — the maximum name length statvfs() reports for the sandbox's filesystem.
 *
 * Steps (POSIX only): statvfs(".") and report the result and f_namemax;
 * pathconf(".", _PC_NAME_MAX) and report its value.
 *
 * Why: this is how a portable program learns the name limit at run time
 * (NAME_MAX in <limits.h> is only a lower bound, and may be absent). Tools
 * that shorten generated names (download managers, caches, test runners)
 * trust it; a filesystem that reports a limit other than the one it
 * enforces (compare path.name_max_bytes and path.name_max_multibyte, where
 * the limit is in UTF-16 units, not bytes) makes them create names that
 * fail, or shorten names needlessly.
 *
 * References: POSIX.1-2024 statvfs() (f_namemax), pathconf()
 * (_PC_NAME_MAX); statfs(2) (f_namelen); Windows has
 * GetVolumeInformationW (lpMaximumComponentLength) instead
 */
#ifndef _WIN32
#include <sys/statvfs.h>
#include <unistd.h>
#endif
#include "fsc.h"

static void probe(void)
{
#ifndef _WIN32
    struct statvfs sv;
    if (fsc_obs_sys("statvfs", statvfs(".", &sv)) == 0)
        fsc_obs_int("f_namemax", (long long)sv.f_namemax);
    long pc = pathconf(".", _PC_NAME_MAX);
    fsc_obs_int("pc_name_max", pc);
#else
    fsc_skip("posix_only");
#endif
}

FSC_PROBE(probe)
