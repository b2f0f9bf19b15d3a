/*
 * time.chmod_times — which of a file's times chmod() changes, to another mode and to the mode it has.
 *
 * Steps: create "other" and "same" and read the mode they were created
 * with; set their access and modification times to 2001-09-09T01:46:40Z
 * and wait until the clock has passed their times (fsc_times_setup); chmod
 * "other" to that mode with the others' read bit flipped and "same" to the
 * mode it has; report each chmod's result and, per file, each time
 * "changed" or "unchanged".
 *
 * Why: ctime is the only record that permissions changed: backup tools
 * (tar --newer-ctime, restic, borg), git's index and security auditing
 * (AIDE, tripwire) rely on it. Tools that chmod every file they install to
 * the mode it already has (install(1), package managers, rsync -p, Ansible)
 * mark every file changed where a no-op chmod still counts — and POSIX says
 * it does.
 *
 * References: POSIX.1-2024 chmod() ("Upon successful completion, chmod()
 * shall mark for update the last file status change timestamp of the
 * file"); Linux chmod(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <stdio.h>
#include <sys/stat.h>

static void probe(void)
{
    static const char *const name[2] = {"other", "same"};
    struct stat st;
    char obs[32];
    fsc_stat before[2];
    for (int i = 0; i < 2; i++) fsc_put(name[i], "data");
    FSC_CHECK(stat("same", &st) == 0);
    const mode_t mode[2] = {(st.st_mode & 07777) ^ 0004, st.st_mode & 07777};
    fsc_times_setup(2, name, before);
    for (int i = 0; i < 2; i++) {
        snprintf(obs, sizeof obs, "%s.chmod", name[i]);
        fsc_obs_sys(obs, chmod(name[i], mode[i]));
    }
    fsc_obs_times_each(2, name, before);
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
