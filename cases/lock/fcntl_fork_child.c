/*
 * lock.fcntl_fork_child — a fork child meets its parent's fcntl lock on the inherited descriptor.
 *
 * Steps: create "f", open it read-write and take an fcntl F_SETLK write lock
 * on the whole file; fork a helper (no exec) that uses the inherited
 * descriptor: F_GETLK for a write lock on the whole file (reports the type
 * found and whether l_pid is its parent's pid), then F_SETLK for a write lock
 * (reports the result), and exits.
 *
 * Why: a record lock belongs to a process, not to the descriptor, so a fork
 * child does not inherit it and conflicts with its own parent even through
 * the very descriptor the lock was taken on. Daemons that take a pid-file
 * lock and then fork to background lose the lock in the child; code ported
 * from flock (whose lock IS shared with the child) breaks the same way.
 *
 * References: POSIX.1-2024 fcntl() ("Locks are not inherited by a child
 * process created using fork()"), fork(); Linux fcntl(2) "Advisory record
 * locking".
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>

#include "fsc_posix.h"
#endif
#include "fsc.h"

#ifndef _WIN32
static int fd = -1;

static int child(const char *arg)
{
    struct flock fl = fsc_getlk(fd, 0, 0);
    (void)arg;
    fsc_obs("child_getlk_type", "%s", fsc_lock_type_name(fl.l_type));
    fsc_obs_bool("child_getlk_pid_is_parent", fl.l_type != F_UNLCK && fl.l_pid == getppid());
    fl = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET};
    fsc_obs_sys("child_setlk", fcntl(fd, F_SETLK, &fl));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};   /* the whole file */
    fsc_put("f", "data");
    FSC_CHECK((fd = open("f", O_RDWR)) >= 0);
    FSC_CHECK(fcntl(fd, F_SETLK, &fl) == 0);
    fsc_helper *h = fsc_spawn("child", NULL, FSC_SPAWN_FORK);
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"child", child})
#else
static void probe(void) { fsc_skip("no_fork"); }
FSC_PROBE(probe)
#endif
