/*
 * fd.dup3_cloexec — dup3 with O_CLOEXEC sets FD_CLOEXEC on the copy; with 0 it leaves it clear.
 *
 * Steps: create "f"; open it (without O_CLOEXEC) and open "f" again as a
 * target slot; dup3(fd, target, O_CLOEXEC) and report the result and
 * whether the target has FD_CLOEXEC; dup3(fd, target, 0) and report the
 * same. Skips where there is no dup3.
 *
 * Why: dup3(…, O_CLOEXEC) closes the race between dup2 and fcntl(F_SETFD)
 * in which another thread's fork+exec leaks the descriptor into a child —
 * the reason it was added to Linux 2.6.27 and to POSIX.1-2024. Libraries
 * that redirect descriptors in threaded programs (libuv's
 * uv__dup2_cloexec) rely on the flag being set at once.
 *
 * References: POSIX.1-2024 dup3() (O_CLOEXEC in flag sets FD_CLOEXEC on
 * fildes2; without it the flag is cleared as by dup2()); dup(2) (dup3).
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(O_CLOEXEC) && (defined(__linux__) || defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__))
static void try_dup3(const char *label, int fd, int target, int flags)
{
    char name[32];
    snprintf(name, sizeof name, "%s.dup3", label);
    if (fsc_obs_sys(name, dup3(fd, target, flags)) < 0) return;
    int fdfl = fcntl(target, F_GETFD);
    FSC_CHECK(fdfl != -1);
    snprintf(name, sizeof name, "%s.cloexec", label);
    fsc_obs_bool(name, (fdfl & FD_CLOEXEC) != 0);
}

static void probe(void)
{
    fsc_put("f", "x");
    int fd = open("f", O_RDONLY);
    int target = open("f", O_RDONLY);
    FSC_CHECK(fd >= 0 && target >= 0);
    try_dup3("with_o_cloexec", fd, target, O_CLOEXEC);
    try_dup3("with_0", fd, target, 0);
    FSC_CHECK(close(target) == 0);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_dup3"); }
#endif

FSC_PROBE(probe)
