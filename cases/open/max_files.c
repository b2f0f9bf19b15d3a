/*
 * open.max_files — open files until the descriptor limit (RLIMIT_NOFILE lowered to 32): the error, and where it comes.
 *
 * Steps: lower this process's soft RLIMIT_NOFILE to 32; create "f"; open
 * it again and again (at most 64 times) until an open fails; report that
 * error, and whether the last descriptor that opened was 31 (every slot
 * below the limit used: "filled_to_limit"); then try dup() and report;
 * close them all.
 *
 * Why: servers that accept connections or open files per request hit the
 * descriptor limit; EMFILE ("this process") and ENFILE ("the whole
 * system") need different handling (shed load vs. wait), and event loops
 * (libuv's reserve descriptor, nginx's worker_rlimit_nofile) depend on the
 * limit being the descriptor number, not a count that an implementation
 * rounds or ignores.
 *
 * References: POSIX.1-2024 open() ([EMFILE] "All file descriptors
 * available to the process are currently open"), dup(), getrlimit()
 * (RLIMIT_NOFILE: "one greater than the maximum value that the system may
 * assign to a newly-created descriptor"); getrlimit(2).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
enum { LIMIT = 32, TRIES = 64 };

static void probe(void)
{
    struct rlimit old, rl;
    int fds[TRIES], n = 0, err = 0;
    FSC_CHECK(getrlimit(RLIMIT_NOFILE, &old) == 0);
    FSC_CHECK(old.rlim_max >= LIMIT);
    rl = old;
    rl.rlim_cur = LIMIT;
    FSC_CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0);
    fsc_put("f", "x");
    while (n < TRIES) {
        int fd = open("f", O_RDONLY);
        if (fd < 0) {
            err = errno;
            break;
        }
        fds[n++] = fd;
    }
    FSC_CHECK(n > 0);
    fsc_obs("open_at_limit", "%s", err ? fsc_errno_name(err) : "no_error");
    fsc_obs_bool("filled_to_limit", fds[n - 1] == LIMIT - 1);
    int d = (int)fsc_obs_sys("dup_at_limit", dup(fds[0]));
    if (d >= 0) FSC_CHECK(close(d) == 0);
    while (n > 0) FSC_CHECK(close(fds[--n]) == 0);
    FSC_CHECK(setrlimit(RLIMIT_NOFILE, &old) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_rlimit"); }
#endif

FSC_PROBE(probe)
