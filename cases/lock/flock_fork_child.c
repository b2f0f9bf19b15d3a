/*
 * lock.flock_fork_child — whether a flock lock is shared with a fork child and with a new open.
 *
 * Steps: create "f", open it and flock(LOCK_EX) it; fork a helper (no exec)
 * that calls flock(LOCK_EX|LOCK_NB) on the inherited descriptor (the same
 * open file description) and reports the result; then start an exec'd helper
 * that opens "f" itself (a new open file description) and reports its own
 * flock(LOCK_EX|LOCK_NB).
 *
 * Why: flock locks belong to the open file description, not to the process
 * (the opposite of fcntl record locks): a fork child holds the same lock and
 * can release it for its parent with LOCK_UN or by being the last holder. A
 * daemon that locks a pid file with flock and forks keeps the lock in the
 * child; one that switches to fcntl loses it. Where the C library emulates
 * flock with fcntl (some System V derivatives) the child conflicts instead
 * (flock(2): "the semantics of flock() will be different").
 *
 * References: Linux flock(2) ("Locks created by flock() are associated with
 * an open file description"); BSD flock(2); not in POSIX.
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
static int fd = -1;

static int child(const char *arg)
{
    (void)arg;
    fsc_obs_sys("fork_child_flock", flock(fd, LOCK_EX | LOCK_NB));
    fsc_send(NULL, "done");
    return 0;
}

static int other(const char *arg)
{
    int own;
    (void)arg;
    FSC_CHECK((own = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_obs_sys("other_open_flock", flock(own, LOCK_EX | LOCK_NB));
    FSC_CHECK(close(own) == 0);
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_put("f", "data");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(flock(fd, LOCK_EX) == 0);
    fsc_helper *h = fsc_spawn("child", NULL, FSC_SPAWN_FORK);
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"child", child}, {"other", other})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
