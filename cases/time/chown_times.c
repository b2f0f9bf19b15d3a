/*
 * time.chown_times — which of a file's times chown() to the owner it already has changes.
 *
 * Steps: create "same" and "none"; set their access and modification times
 * to 2001-09-09T01:46:40Z and wait until the clock has passed their times
 * (fsc_times_setup); chown "same" to the owner and group it has (read with
 * stat), and "none" with -1 for both (change nothing); stat each and
 * report, per file, each time "changed" or "unchanged".
 *
 * Why: installers, rsync -o/-g, tar -x as root and configuration managers
 * chown every file to the owner it already has; where that still counts as
 * a status change, every such run marks the whole tree changed for
 * ctime-based backups, git's index and file-integrity checkers. POSIX
 * marks the ctime on every successful chown, the no-op included.
 *
 * References: POSIX.1-2024 chown() ("Upon successful completion, chown()
 * shall mark for update the last file status change timestamp of the
 * file"; -1 for owner or group leaves it unchanged); Linux chown(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    static const char *const name[2] = {"same", "none"};
    struct stat st;
    fsc_stat before[2];
    for (int i = 0; i < 2; i++) fsc_put(name[i], "data");
    FSC_CHECK(stat("same", &st) == 0);
    fsc_times_setup(2, name, before);
    fsc_obs_sys("same.chown", chown("same", st.st_uid, st.st_gid));
    fsc_obs_sys("none.chown", chown("none", (uid_t)-1, (gid_t)-1));
    fsc_obs_times_each(2, name, before);
}
#else
static void probe(void) { fsc_skip("no_posix_owner"); }
#endif

FSC_PROBE(probe)
