/*
 * lock.ofd_same_process — OFD locks between two opens of one process, and after closing a third.
 *
 * Steps: create "f"; open it twice (fd1, fd2: two open file descriptions);
 * F_OFD_SETLK a write lock on the whole file through fd1; F_OFD_SETLK the
 * same through fd2 (reports: it conflicts although it is the same process);
 * open "f" a third time and close that descriptor; F_OFD_SETLK through fd2
 * again (reports whether fd1's lock is still held).
 *
 * Why: open file description locks fix the two traps of POSIX record locks —
 * a lock is dropped when the process closes ANY descriptor of the file, and
 * threads of one process never conflict — which is why SQLite-like code,
 * thread pools and glibc's own lock helpers want them. Code that relies on
 * "the second open conflicts" must check that the platform has them: with
 * classic F_SETLK both opens would get the lock.
 *
 * References: Linux fcntl(2) "Open file description locks (non-POSIX)"
 * (since 3.15); proposed for POSIX as
 * https://austingroupbugs.net/view.php?id=768
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(F_OFD_SETLK)
static long lock_whole(int fd, int cmd)
{
    struct flock fl = {0};   /* l_pid must be 0 for the F_OFD_* commands */
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    return fcntl(fd, cmd, &fl);
}

static void probe(void)
{
    int fd1, fd2, fd3;
    fsc_put("f", "data");
    FSC_CHECK((fd1 = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK((fd2 = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_obs_sys("ofd_lock_fd1", lock_whole(fd1, F_OFD_SETLK));
    fsc_obs_sys("ofd_lock_fd2", lock_whole(fd2, F_OFD_SETLK));
    FSC_CHECK((fd3 = open("f", O_RDONLY | O_CLOEXEC)) >= 0);
    fsc_obs_sys("close_other", close(fd3));
    fsc_obs_sys("ofd_lock_fd2_after_close", lock_whole(fd2, F_OFD_SETLK));
    FSC_CHECK(close(fd1) == 0 && close(fd2) == 0);
}
#else
static void probe(void) { fsc_skip("no_ofd_locks"); }
#endif

FSC_PROBE(probe)
