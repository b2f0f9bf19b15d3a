/*
 * lock.ofd_posix_conflict — OFD locks and classic record locks conflict with each other, even within one process.
 *
 * Steps: create "f" and open it twice read-write (fd1, fd2). Take an fcntl
 * F_SETLK write lock on the whole file through fd1; ask F_OFD_SETLK for a
 * write lock through fd2 ("ofd_over_fcntl") and through fd1 itself
 * ("ofd_over_fcntl_same_fd"); release. Take an OFD write lock through fd1;
 * ask F_SETLK for a write lock through fd2 ("fcntl_over_ofd") and through
 * fd1 ("fcntl_over_ofd_same_fd"). Each is ok or the error's name.
 *
 * Why: a library that switches to OFD locks (glibc's own, QEMU, newer
 * SQLite builds) while the application, or another library in the same
 * process, still uses fcntl or lockf on the same file now conflicts with
 * itself: two classic locks of one process never conflict, but an OFD lock
 * is not the process's lock, so the mix refuses even on the descriptor
 * that holds the other lock.
 *
 * References: Linux fcntl(2) "Open file description locks (non-POSIX)"
 * ("Conflicting lock combinations ... where one lock is an open file
 * description lock and the other is a traditional record lock conflict
 * even when they are acquired by the same process on the same file
 * descriptor").
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(F_OFD_SETLK)
static long whole(int fd, int cmd, short type)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET};
    return fcntl(fd, cmd, &fl);
}

static void probe(void)
{
    int fd1, fd2;
    fsc_put("f", "data");
    FSC_CHECK((fd1 = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK((fd2 = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(whole(fd1, F_SETLK, F_WRLCK) == 0);
    fsc_obs_sys("ofd_over_fcntl", whole(fd2, F_OFD_SETLK, F_WRLCK));
    fsc_obs_sys("ofd_over_fcntl_same_fd", whole(fd1, F_OFD_SETLK, F_WRLCK));
    FSC_CHECK(whole(fd1, F_SETLK, F_UNLCK) == 0);
    FSC_CHECK(whole(fd1, F_OFD_SETLK, F_UNLCK) == 0 && whole(fd2, F_OFD_SETLK, F_UNLCK) == 0);
    FSC_CHECK(whole(fd1, F_OFD_SETLK, F_WRLCK) == 0);
    fsc_obs_sys("fcntl_over_ofd", whole(fd2, F_SETLK, F_WRLCK));
    fsc_obs_sys("fcntl_over_ofd_same_fd", whole(fd1, F_SETLK, F_WRLCK));
    FSC_CHECK(close(fd1) == 0 && close(fd2) == 0);
}
#else
static void probe(void) { fsc_skip("no_ofd_locks"); }
#endif

FSC_PROBE(probe)
