/*
 * fd.dupfd_cloexec — fcntl(F_DUPFD_CLOEXEC, 10): the lowest free descriptor at or above 10, with FD_CLOEXEC set.
 *
 * Steps: create "f"; open it (without O_CLOEXEC); fcntl(fd, F_DUPFD_CLOEXEC,
 * 10) and report the result, whether the new descriptor is at least 10
 * ("at_least_min"), and whether it has FD_CLOEXEC; do the same with
 * F_DUPFD (FD_CLOEXEC must be clear).
 *
 * Why: libraries that must keep their descriptors away from 0-2 and out of
 * child processes (systemd's fd_move_above_stdio, Python's os.dup,
 * libuv's uv__dup) move them up with F_DUPFD_CLOEXEC in one step; with
 * F_DUPFD plus F_SETFD a concurrent fork+exec leaks them. The minimum
 * argument is what keeps a daemon's log descriptor from landing on 0, 1
 * or 2 after those were closed.
 *
 * References: POSIX.1-2024 fcntl() (F_DUPFD: the lowest numbered available
 * descriptor greater than or equal to the third argument; F_DUPFD_CLOEXEC:
 * the same with FD_CLOEXEC set); fcntl(2).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(F_DUPFD_CLOEXEC)
static void try_dup(const char *label, int fd, int cmd)
{
    char name[32];
    snprintf(name, sizeof name, "%s.fcntl", label);
    int copy = (int)fsc_obs_sys(name, fcntl(fd, cmd, 10));
    if (copy < 0) return;
    snprintf(name, sizeof name, "%s.at_least_min", label);
    fsc_obs_bool(name, copy >= 10);
    int fdfl = fcntl(copy, F_GETFD);
    FSC_CHECK(fdfl != -1);
    snprintf(name, sizeof name, "%s.cloexec", label);
    fsc_obs_bool(name, (fdfl & FD_CLOEXEC) != 0);
    FSC_CHECK(close(copy) == 0);
}

static void probe(void)
{
    fsc_put("f", "x");
    int fd = open("f", O_RDONLY);
    FSC_CHECK(fd >= 0);
    try_dup("dupfd_cloexec", fd, F_DUPFD_CLOEXEC);
    try_dup("dupfd", fd, F_DUPFD);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_dup"); }
#endif

FSC_PROBE(probe)
