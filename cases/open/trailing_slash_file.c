/*
 * open.trailing_slash_file — open and stat a regular file named with a trailing slash ("f/").
 *
 * Steps: create regular file "f"; open "f/" for reading; report the result;
 * stat "f/"; report the result.
 *
 * Why: a trailing slash asserts "this is a directory". POSIX requires the
 * lookup to fail with ENOTDIR when the name resolves to a non-directory, so
 * "f/" never silently means "f". Path-joining code that leaves a stray slash
 * behind, and tools that use "name/" to test for a directory, behave
 * differently where the slash is ignored (older systems, some FUSE and
 * network file systems, Windows path normalisation).
 *
 * References: POSIX.1-2024 XBD 4.16 "Pathname Resolution" (trailing
 * slashes), open() and stat() ([ENOTDIR]); path_resolution(7).
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_stat st;
    fsc_put("f", "x");
    int err = fsc_op_open("f/", FSC_READ | FSC_SHARE_CRT, &fd);
    fsc_obs_op("open", err);
    if (!err) FSC_OK(fsc_op_close(fd));
    fsc_obs_op("stat", fsc_op_stat("f/", &st));
}

FSC_PROBE(probe)
