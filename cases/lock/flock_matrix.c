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

#include "fsc_posix.h"
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
/* Request "OP": flock(OP | LOCK_NB), then LOCK_UN. */
static const char *ask(int fd, const char *request)
{
    int op;
    FSC_CHECK(sscanf(request, "%d", &op) == 1);
    const char *r = fsc_try_flock(fd, op);
    FSC_CHECK(flock(fd, LOCK_UN) == 0);
    return r;
}

static int asker(const char *arg)
{
    (void)arg;
    return fsc_lock_asker(ask);
}

static void probe(void)
{
    static const struct { const char *name; int op; } types[] = {
        {"shared", LOCK_SH}, {"excl", LOCK_EX}};
    static const char *const whos[] = {"same_ofd", "other_fd", "other_process"};
    fsc_lock_matrix m;
    fsc_put("f", "data");
    fsc_lock_matrix_start(&m, ask);
    for (int held = 0; held < 2; held++)
        for (int asked = 0; asked < 2; asked++)
            for (int who = 0; who < 3; who++) {
                char name[64];
                FSC_CHECK(flock(m.fd[0], types[held].op | LOCK_NB) == 0);
                const char *res = fsc_lock_matrix_ask(&m, who, "%d", types[asked].op);
                snprintf(name, sizeof name, "%s.%s.%s", types[held].name, types[asked].name,
                         whos[who]);
                fsc_obs(name, "%s", res);
                FSC_CHECK(flock(m.fd[0], LOCK_UN) == 0 && flock(m.fd[1], LOCK_UN) == 0);
            }
    fsc_lock_matrix_end(&m);
}

FSC_PROBE_HELPERS(probe, {"asker", asker})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
