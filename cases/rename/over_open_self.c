/*
 * rename.over_open_self — rename a file over a destination this process has open.
 *
 * Steps: create "dst" (old) and "src" (new); open "dst" for reading with the
 * C runtime's default sharing; rename "src" over "dst" while that handle is
 * open; read through the handle; read the name "dst" afresh; close.
 *
 * Why: a program that keeps its own configuration or database file open and
 * saves a new version by writing a temporary file and renaming it over the
 * original works on POSIX (the handle keeps the old file, the name gets the
 * new one) but fails on Windows with a sharing violation or access denied,
 * because its own handle was opened without FILE_SHARE_DELETE. Unlike
 * rename.over_open_other, no second process is involved: the program
 * blocks itself.
 *
 * References: POSIX.1-2024 rename(); MoveFileExW (MOVEFILE_REPLACE_EXISTING);
 * https://github.com/golang/go/issues/8914
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_put("dst", "old");
    fsc_put("src", "new");
    FSC_OK(fsc_op_open("dst", FSC_READ | FSC_SHARE_CRT, &fd));
    fsc_obs_op("rename", fsc_op_rename("src", "dst"));
    fsc_obs_read("handle_reads", fd);
    fsc_obs_file("name_reads", "dst");
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
