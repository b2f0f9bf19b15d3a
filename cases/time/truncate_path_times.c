/*
 * time.truncate_path_times — which of a file's times truncate() by path changes: grow, shrink, same size.
 *
 * Steps: create three files holding "data" (4 bytes), "grow", "shrink" and
 * "same"; set their access and modification times to 2001-09-09T01:46:40Z
 * and wait until the clock has passed their times (fsc_times_setup); call
 * truncate() on "grow" with 8 bytes, "shrink" with 2 and "same" with 4;
 * stat each and report, per file, each time "changed" or "unchanged".
 *
 * Why: truncate() by name and ftruncate() on a descriptor are documented
 * alike, but Linux passes different flags down (the path form asks for no
 * time update of its own, the descriptor form does), so "truncate to the
 * same size" can mark a file changed through one and not the other. Shell
 * tools (truncate(1), : > file) and build systems resetting outputs use the
 * path form.
 *
 * References: POSIX.1-2024 truncate() ("Upon successful completion, if the
 * file size is changed, truncate() shall mark for update the last data
 * modification and last file status change timestamps of the file");
 * Linux truncate(2); Linux fs/open.c do_sys_truncate and do_sys_ftruncate.
 */
#include "fsc.h"

#ifndef _WIN32
#include <stdio.h>
#include <unistd.h>

static void probe(void)
{
    static const char *const name[3] = {"grow", "shrink", "same"};
    static const off_t size[3] = {8, 2, 4};
    char obs[32];
    fsc_stat before[3];
    for (int i = 0; i < 3; i++) fsc_put(name[i], "data");
    fsc_times_setup(3, name, before);
    for (int i = 0; i < 3; i++) {
        snprintf(obs, sizeof obs, "%s.truncate", name[i]);
        fsc_obs_sys(obs, truncate(name[i], size[i]));
    }
    fsc_obs_times_each(3, name, before);
}
#else
static void probe(void) { fsc_skip("no_posix_truncate"); }
#endif

FSC_PROBE(probe)
