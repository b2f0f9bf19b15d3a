/*
 * open.empty_path — open and stat the empty path "".
 *
 * Steps: open "" for reading; open "" for writing with create; stat "";
 * report each result.
 *
 * Why: an empty string reaches open() when a configuration value or an
 * environment variable is unset and a program forgets to check it. POSIX
 * requires ENOENT (a library that maps "" to "." opens the directory
 * instead of failing);
 * Linux only accepts "" with AT_EMPTY_PATH on the *at() calls.
 *
 * References: POSIX.1-2024 open() and stat() ([ENOENT] also when path
 * points to an empty string), XBD 4.16 "Pathname Resolution";
 * path_resolution(7) ("Empty pathname").
 */
#include "fsc.h"

static void try_open(const char *name, int flags)
{
    fsc_fd fd;
    int err = fsc_op_open("", flags | FSC_SHARE_CRT, &fd);
    fsc_obs_op(name, err);
    if (!err) FSC_OK(fsc_op_close(fd));
}

static void probe(void)
{
    fsc_stat st;
    try_open("open_read", FSC_READ);
    try_open("open_create", FSC_WRITE | FSC_CREATE);
    fsc_obs_op("stat", fsc_op_stat("", &st));
}

FSC_PROBE(probe)
