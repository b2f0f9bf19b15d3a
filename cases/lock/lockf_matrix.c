/*
 * lock.lockf_matrix — lockf F_TLOCK and F_TEST against a held lockf lock: who × range.
 *
 * Steps: create "f" and open it twice read-write (fd1, fd2); an exec'd
 * helper opens it too. For each cell: lockf(F_LOCK) bytes 0-9 through fd1
 * (seek to 0, length 10), then, from offset 5 (overlapping) or 10
 * (adjacent), length 10, through fd1 itself, through fd2 (same process) or
 * from the helper (other process), ask lockf(F_TEST) and then
 * lockf(F_TLOCK); report `test.who.range` and `tlock.who.range` = granted
 * (0), refused (EACCES or EAGAIN) or another error's name; then F_ULOCK
 * from offset 0 to the end and beyond (length 0).
 *
 * Why: lockf is the simple exclusive-only interface to the same record
 * locks as fcntl (on Linux glibc implements it with F_SETLK/F_GETLK), so it
 * inherits their per-process rule: F_TEST and F_TLOCK succeed for the
 * holder's own process through any descriptor, and only another process is
 * refused. Shell tools and daemons that use lockf for a pid file behave
 * like fcntl users, not like flock users.
 *
 * References: POSIX.1-2024 lockf() (F_TEST "shall test the specified
 * section for the presence of locks by other processes"; F_TLOCK;
 * [EACCES] or [EAGAIN]); Linux lockf(3); glibc io/lockf64.c (F_TEST and
 * F_TLOCK as F_GETLK and F_SETLK write locks).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "fsc_posix.h"
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(F_TLOCK)
static const char *at(int fd, off_t start, int cmd, off_t len)
{
    FSC_CHECK(lseek(fd, start, SEEK_SET) == start);
    if (lockf(fd, cmd, len) == 0) return "granted";
    return errno == EACCES || errno == EAGAIN ? "refused" : fsc_errno_name(errno);
}

/* Request "START": F_TEST, then F_TLOCK, 10 bytes from START; answer "TEST TLOCK". */
static const char *ask(int fd, const char *request)
{
    static char answer[64];
    int start;
    FSC_CHECK(sscanf(request, "%d", &start) == 1);
    const char *test = at(fd, start, F_TEST, 10);
    snprintf(answer, sizeof answer, "%s %s", test, at(fd, start, F_TLOCK, 10));
    FSC_CHECK(at(fd, 0, F_ULOCK, 0)[0] == 'g');
    return answer;
}

static int asker(const char *arg)
{
    (void)arg;
    return fsc_lock_asker(ask);
}

static void probe(void)
{
    static const char *const whos[] = {"same_fd", "other_fd", "other_process"};
    static const struct { const char *name; int start; } ranges[] = {
        {"overlap", 5}, {"adjacent", 10}};
    fsc_lock_matrix m;
    fsc_put("f", "0123456789abcdefghij");
    fsc_lock_matrix_start(&m, ask);
    for (int who = 0; who < 3; who++)
        for (int r = 0; r < 2; r++) {
            char name[64], test[32], tlock[32];
            FSC_CHECK(at(m.fd[0], 0, F_LOCK, 10)[0] == 'g');
            const char *answer = fsc_lock_matrix_ask(&m, who, "%d", ranges[r].start);
            FSC_CHECK(sscanf(answer, "%31s %31s", test, tlock) == 2);
            snprintf(name, sizeof name, "test.%s.%s", whos[who], ranges[r].name);
            fsc_obs(name, "%s", test);
            snprintf(name, sizeof name, "tlock.%s.%s", whos[who], ranges[r].name);
            fsc_obs(name, "%s", tlock);
            FSC_CHECK(at(m.fd[0], 0, F_ULOCK, 0)[0] == 'g');
        }
    fsc_lock_matrix_end(&m);
}

FSC_PROBE_HELPERS(probe, {"asker", asker})
#else
static void probe(void) { fsc_skip("no_lockf"); }
FSC_PROBE(probe)
#endif
