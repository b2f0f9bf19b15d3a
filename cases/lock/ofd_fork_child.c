/*
 * lock.ofd_fork_child — a fork child shares its parent's OFD lock through the inherited descriptor.
 *
 * Steps: create "f", open it read-write and take an OFD write lock
 * (F_OFD_SETLK) on the whole file; fork a helper (no exec) that asks
 * F_OFD_SETLK for a write lock through the inherited descriptor
 * ("child_inherited_fd": the same open file description, so granted) and
 * through its own new open of "f" ("child_own_open"), then releases through
 * the inherited descriptor ("child_unlock") and exits; the probe then asks
 * F_OFD_SETLK for a write lock through a new open of its own
 * ("parent_new_open_after_child_unlock": granted when the child's unlock
 * released the shared lock). Each is ok or the error's name.
 *
 * Why: OFD locks are inherited across fork like flock locks and unlike
 * record locks (lock.fcntl_fork_child): a server that takes an OFD lock and
 * forks workers shares one lock with all of them, and any worker can
 * release it for everyone. Code moving from F_SETLK to F_OFD_SETLK must
 * stop relying on "the child is another locker".
 *
 * References: Linux fcntl(2) "Open file description locks (non-POSIX)"
 * ("open file description locks are inherited across fork(2)"; locks
 * placed via the same open file description "are always compatible").
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(F_OFD_SETLK)
static int fd = -1;

static long ofd(int on, short type)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET};
    return fcntl(on, F_OFD_SETLK, &fl);
}

static int child(const char *arg)
{
    int own;
    (void)arg;
    fsc_obs_sys("child_inherited_fd", ofd(fd, F_WRLCK));
    FSC_CHECK((own = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_obs_sys("child_own_open", ofd(own, F_WRLCK));
    FSC_CHECK(close(own) == 0);
    fsc_obs_sys("child_unlock", ofd(fd, F_UNLCK));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    int again;
    fsc_put("f", "data");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(ofd(fd, F_WRLCK) == 0);
    fsc_helper *h = fsc_spawn("child", NULL, FSC_SPAWN_FORK);
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK((again = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_obs_sys("parent_new_open_after_child_unlock", ofd(again, F_WRLCK));
    FSC_CHECK(close(again) == 0 && close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"child", child})
#else
static void probe(void) { fsc_skip("no_ofd_locks"); }
FSC_PROBE(probe)
#endif
