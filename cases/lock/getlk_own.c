/*
 * lock.getlk_own — F_GETLK never reports the caller's own record lock; F_OFD_GETLK reports another open's lock of the same process.
 *
 * Steps: create "f" and open it twice read-write (fd1, fd2). Take an fcntl
 * write lock on the whole file through fd1 and ask F_GETLK for a write lock
 * through fd2 ("fcntl_other_fd") and fd1 ("fcntl_same_fd"); release. Take
 * an OFD write lock through fd1 and ask F_OFD_GETLK through fd2
 * ("ofd_other_fd") and fd1 ("ofd_same_fd"). Each reports the l_type
 * returned: F_UNLCK (nothing would block the request), F_WRLCK or F_RDLCK.
 *
 * Why: "is this file locked?" asked with F_GETLK answers "no" for the
 * process's own locks, so a program cannot use it to check that it (or a
 * library inside it) still holds a lock: after an accidental close dropped
 * the lock the answer is the same. OFD locks are owned by the open, so a
 * second open of the same process sees the first one's lock.
 *
 * References: POSIX.1-2024 fcntl() (F_GETLK: "If no lock is found that
 * would prevent this lock from being created, then the structure shall be
 * left unchanged except for the lock type which shall be set to F_UNLCK";
 * a process's own locks never prevent its request); Linux fcntl(2)
 * F_OFD_GETLK.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(F_OFD_SETLK)
static void ask(const char *name, int fd, int cmd)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    FSC_CHECK(fcntl(fd, cmd, &fl) == 0);
    fsc_obs(name, "%s", fl.l_type == F_UNLCK ? "F_UNLCK" : fl.l_type == F_WRLCK ? "F_WRLCK" : "F_RDLCK");
}

static void probe(void)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    int fd1, fd2;
    fsc_put("f", "data");
    FSC_CHECK((fd1 = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK((fd2 = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(fcntl(fd1, F_SETLK, &fl) == 0);
    ask("fcntl_other_fd", fd2, F_GETLK);
    ask("fcntl_same_fd", fd1, F_GETLK);
    fl.l_type = F_UNLCK;
    FSC_CHECK(fcntl(fd1, F_SETLK, &fl) == 0);
    fl.l_type = F_WRLCK;
    FSC_CHECK(fcntl(fd1, F_OFD_SETLK, &fl) == 0);
    ask("ofd_other_fd", fd2, F_OFD_GETLK);
    ask("ofd_same_fd", fd1, F_OFD_GETLK);
    FSC_CHECK(close(fd1) == 0 && close(fd2) == 0);
}
#else
static void probe(void) { fsc_skip("no_ofd_locks"); }
#endif

FSC_PROBE(probe)
