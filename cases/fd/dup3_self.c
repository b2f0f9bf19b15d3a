/*
 * fd.dup3_self — dup3(fd, fd, flags) fails with EINVAL, unlike dup2(fd, fd).
 *
 * Steps: create "f"; open it; call dup3(fd, fd, 0) and dup3(fd, fd,
 * O_CLOEXEC) and report each result; report whether fd is still open
 * afterwards. Skips where there is no dup3.
 *
 * Why: code that swaps dup2 for dup3 to get O_CLOEXEC atomically (or a
 * wrapper that emulates dup2 with dup3, as some libcs and language runtimes
 * do) changes the fd == fd2 case from a no-op into an error, and a
 * redirection of a descriptor onto its own slot then fails.
 *
 * References: POSIX.1-2024 dup3() (unlike dup2(), it fails with [EINVAL]
 * when fildes equals fildes2); dup(2) (dup3: the same EINVAL).
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(O_CLOEXEC) && (defined(__linux__) || defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__))
static void probe(void)
{
    fsc_put("f", "x");
    int fd = open("f", O_RDONLY);
    FSC_CHECK(fd >= 0);
    fsc_obs_sys("dup3_0", dup3(fd, fd, 0));
    fsc_obs_sys("dup3_cloexec", dup3(fd, fd, O_CLOEXEC));
    fsc_obs_bool("still_open", fcntl(fd, F_GETFD) != -1);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_dup3"); }
#endif

FSC_PROBE(probe)
