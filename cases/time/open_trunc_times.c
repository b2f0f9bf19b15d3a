/*
 * time.open_trunc_times — which of a file's times opening it with truncation changes, empty and not.
 *
 * Steps: create "full" holding "data" and "empty" with no bytes; set their
 * access and modification times to 2001-09-09T01:46:40Z and wait until the
 * clock has passed their times (fsc_times_setup); open each for writing
 * with truncation (POSIX O_TRUNC; the native Win32 backend uses
 * CREATE_ALWAYS) and close it again; report each open's result and, per
 * file, each time "changed" or "unchanged".
 *
 * Why: "> file" in the shell, fopen("w") and every program that rewrites a
 * file from scratch open it with O_TRUNC; whether that marks an already
 * empty file modified decides whether make sees a regenerated empty output
 * (a stamp file, an empty log) as new, and whether backup tools copy it.
 * POSIX marks the times whenever O_TRUNC meets an existing file.
 *
 * References: POSIX.1-2024 open() ("If O_TRUNC is set and the file did
 * previously exist, upon successful completion, open() shall mark for
 * update the last data modification and last file status change timestamps
 * of the file"); Linux open(2); Win32 CreateFileW (CREATE_ALWAYS).
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    static const char *const name[2] = {"full", "empty"};
    char obs[32];
    fsc_stat before[2];
    fsc_fd fd;
    fsc_put("full", "data");
    fsc_put("empty", "");
    fsc_times_setup(2, name, before);
    for (int i = 0; i < 2; i++) {
        snprintf(obs, sizeof obs, "%s.open", name[i]);
        int e = fsc_op_open(name[i], FSC_WRITE | FSC_TRUNC | FSC_SHARE_CRT, &fd);
        fsc_obs_op(obs, e);
        if (!e) FSC_OK(fsc_op_close(fd));
    }
    fsc_obs_times_each(2, name, before);
}

FSC_PROBE(probe)
