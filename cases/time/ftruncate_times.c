/*
 * time.ftruncate_times — which of a file's times truncating an open file changes: grow, shrink, same size.
 *
 * Steps: create three files holding "data" (4 bytes), "grow", "shrink" and
 * "same", and open each for writing; set their access and modification
 * times to 2001-09-09T01:46:40Z and wait until the clock has passed their
 * times (fsc_times_setup); truncate "grow" to 8 bytes, "shrink" to 2 and
 * "same" to 4 through the open descriptor (POSIX ftruncate, Win32
 * SetEndOfFile); stat each and report, per file, each time "changed" or
 * "unchanged".
 *
 * Why: POSIX marks the times only "if the file size is changed", while
 * Linux's ftruncate always marks them; a program that "truncates to the
 * current size" to flush metadata or to assert a size (log rotators,
 * database file managers, package installers preallocating) then makes
 * make and backup tools think the file changed on one system and not on
 * another. Growing by truncate is how sparse files and preallocated
 * downloads are made.
 *
 * References: POSIX.1-2024 ftruncate() ("Upon successful completion, if the
 * file size is changed, ftruncate() shall mark for update the last data
 * modification and last file status change timestamps of the file");
 * Linux ftruncate(2) (do_sys_ftruncate passes ATTR_MTIME|ATTR_CTIME);
 * Win32 SetEndOfFile.
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    static const char *const name[3] = {"grow", "shrink", "same"};
    static const long long size[3] = {8, 2, 4};
    char obs[32];
    fsc_stat before[3];
    fsc_fd fd[3];
    for (int i = 0; i < 3; i++) {
        fsc_put(name[i], "data");
        FSC_OK(fsc_op_open(name[i], FSC_WRITE | FSC_SHARE_CRT, &fd[i]));
    }
    fsc_times_setup(3, name, before);
    for (int i = 0; i < 3; i++) {
        snprintf(obs, sizeof obs, "%s.truncate", name[i]);
        fsc_obs_op(obs, fsc_op_truncate(fd[i], size[i]));
    }
    fsc_obs_times_each(3, name, before);
    for (int i = 0; i < 3; i++) FSC_OK(fsc_op_close(fd[i]));
}

FSC_PROBE(probe)
