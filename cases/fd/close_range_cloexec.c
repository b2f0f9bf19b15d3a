/*
 * fd.close_range_cloexec — close_range(first, ~0U, CLOSE_RANGE_CLOEXEC) marks descriptors close-on-exec instead of closing them.
 *
 * Steps: create "f"; open it twice (without O_CLOEXEC); call
 * close_range(lower, ~0U, CLOSE_RANGE_CLOEXEC) with lower the smaller of
 * the two and report the result; report whether both descriptors are
 * still open and whether both have FD_CLOEXEC. Skips where there is no
 * close_range with CLOSE_RANGE_CLOEXEC (Linux 5.11+, glibc 2.34+).
 *
 * Why: process spawners (systemd, container runtimes, Python's
 * subprocess) must keep every stray descriptor out of the
 * program they start. Closing them all in the child is slow with a large
 * RLIMIT_NOFILE and unsafe where a library still uses one; setting
 * close-on-exec on the whole range in one call is the fix, and on an
 * older kernel the call fails (ENOSYS, or EINVAL for the flag), which
 * callers must expect.
 *
 * References: close_range(2) (CLOSE_RANGE_CLOEXEC: "Set the close-on-exec
 * flag on the specified file descriptors, rather than immediately closing
 * them", Linux 5.11); not in POSIX.1-2024.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/close_range.h>
#endif
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(CLOSE_RANGE_CLOEXEC) && defined(__GLIBC__) && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
static void probe(void)
{
    fsc_put("f", "x");
    int a = open("f", O_RDONLY);
    int b = open("f", O_RDONLY);
    FSC_CHECK(a >= 0 && b >= 0);
    int lower = a < b ? a : b;
    fsc_obs_sys("close_range", close_range((unsigned)lower, ~0U, CLOSE_RANGE_CLOEXEC));
    int fa = fcntl(a, F_GETFD), fb = fcntl(b, F_GETFD);
    fsc_obs_bool("still_open", fa != -1 && fb != -1);
    if (fa != -1 && fb != -1)
        fsc_obs_bool("both_cloexec", (fa & FD_CLOEXEC) && (fb & FD_CLOEXEC));
    FSC_CHECK(close(a) == 0 && close(b) == 0);
}
#else
static void probe(void) { fsc_skip("no_close_range_cloexec"); }
#endif

FSC_PROBE(probe)
