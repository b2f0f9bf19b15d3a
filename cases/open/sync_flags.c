/*
 * open.sync_flags — open(2) with O_SYNC and with O_DSYNC: accepted, and shown by fcntl(F_GETFL).
 *
 * Steps: for O_SYNC and for O_DSYNC: open a new file "f<n>" with
 * O_WRONLY|O_CREAT|flag and report the result; report whether
 * fcntl(F_GETFL) still shows the whole flag ("kept" or "dropped"); write
 * one byte and report.
 *
 * Why: databases and loggers (PostgreSQL's wal_sync_method=open_datasync
 * and open_sync, loggers that want each record durable) open with O_DSYNC
 * or O_SYNC instead of calling fsync after each write; F_GETFL is how a program can see what
 * the descriptor kept. A file system (FUSE, network) that refuses
 * the flag makes the open fail; one that drops it silently makes the
 * durability promise empty.
 *
 * References: POSIX.1-2024 open() (O_DSYNC, O_SYNC: Synchronized I/O),
 * fcntl() (F_GETFL: "Get the file status flags and file access modes");
 * open(2) (O_SYNC, O_DSYNC; on Linux O_SYNC includes the O_DSYNC bit).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void try_flag(const char *label, const char *path, int flag)
{
    char name[32];
    snprintf(name, sizeof name, "%s.open", label);
    int fd = (int)fsc_obs_sys(name, open(path, O_WRONLY | O_CREAT | flag, 0666));
    if (fd < 0) return;
    int fl = fcntl(fd, F_GETFL);
    FSC_CHECK(fl != -1);
    snprintf(name, sizeof name, "%s.getfl", label);
    fsc_obs(name, "%s", (fl & flag) == flag ? "kept" : "dropped");
    snprintf(name, sizeof name, "%s.write", label);
    fsc_obs_sys(name, write(fd, "x", 1));
    FSC_CHECK(close(fd) == 0);
}

static void probe(void)
{
    try_flag("o_sync", "f1", O_SYNC);
    try_flag("o_dsync", "f2", O_DSYNC);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
