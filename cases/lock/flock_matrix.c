/*
 * lock.flock_matrix — which flock(LOCK_NB) requests a held flock lock refuses: type × type × who.
 *
 * Steps: create "f" and open it twice (fd1, fd2: two open file
 * descriptions); an exec'd helper opens it too. For each cell: flock fd1
 * with the held type (LOCK_SH or LOCK_EX), then ask flock with the asked
 * type and LOCK_NB through fd1 itself (the same open file description),
 * through fd2 (same process, other open) or from the helper (other
 * process); report `held.asked.who` = granted, refused (EWOULDBLOCK) or
 * another error's name; then LOCK_UN everything.
 *
 * Why: flock locks the whole file and belongs to the open file description:
 * a second open() in the same process is a stranger and conflicts, unlike
 * fcntl record locks, while a flock on the description that holds the lock
 * converts it. A program that opens its lock file twice (a library and its
 * caller both "protecting" it) deadlocks itself with flock and protects
 * nothing with fcntl.
 *
 * References: Linux flock(2) ("Locks created by flock() are associated with
 * an open file description"; "A call to flock() may block if an
 * incompatible lock is held by another process"; "Subsequent flock() calls
 * on an already locked file will convert an existing lock"); BSD flock(2);
 * not in POSIX.
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
static const char *try_flock(int fd, int op)
{
    if (flock(fd, op | LOCK_NB) == 0) return "granted";
    return errno == EWOULDBLOCK ? "refused" : fsc_errno_name(errno);
}

static int asker(const char *arg)
{
    int fd, op;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_send(NULL, "ready");
    while (sscanf(fsc_recv(NULL), "ask %d", &op) == 1) {
        const char *r = try_flock(fd, op);
        FSC_CHECK(flock(fd, LOCK_UN) == 0);
        fsc_send(NULL, "%s", r);
    }
    FSC_CHECK(close(fd) == 0);
    return 0;
}

static void probe(void)
{
    static const struct { const char *name; int op; } types[] = {
        {"shared", LOCK_SH}, {"excl", LOCK_EX}};
    static const char *const whos[] = {"same_ofd", "other_fd", "other_process"};
    int fd[2];
    fsc_put("f", "data");
    FSC_CHECK((fd[0] = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK((fd[1] = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_helper *h = fsc_spawn("asker", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "ready");
    for (int held = 0; held < 2; held++)
        for (int asked = 0; asked < 2; asked++)
            for (int who = 0; who < 3; who++) {
                char name[64];
                const char *res;
                FSC_CHECK(flock(fd[0], types[held].op | LOCK_NB) == 0);
                if (who < 2) {
                    res = try_flock(fd[who], types[asked].op);
                } else {
                    fsc_send(h, "ask %d", types[asked].op);
                    res = fsc_recv(h);
                }
                snprintf(name, sizeof name, "%s.%s.%s", types[held].name, types[asked].name,
                         whos[who]);
                fsc_obs(name, "%s", res);
                FSC_CHECK(flock(fd[0], LOCK_UN) == 0 && flock(fd[1], LOCK_UN) == 0);
            }
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd[0]) == 0 && close(fd[1]) == 0);
}

FSC_PROBE_HELPERS(probe, {"asker", asker})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
