/*
 * lock.flock_dup — a flock lock is shared by dup'd descriptors and lives until the last of them lets go.
 *
 * Steps: create "f", open it (fd1) and flock(LOCK_EX); dup it (fd2) and
 * flock(fd2, LOCK_EX|LOCK_NB) ("dup_flock": granted, the same lock, or
 * refused); an exec'd helper (its own open) tries LOCK_EX|LOCK_NB and
 * releases ("other_while_held"); close fd1 and the helper tries again
 * ("other_after_close_first": refused while fd2 still holds the lock);
 * flock(fd2, LOCK_UN) and the helper tries again ("other_after_unlock_dup").
 * Each is granted, refused (EWOULDBLOCK) or an error's name.
 *
 * Why: a flock lock belongs to the open file description, which dup, fork
 * and descriptor passing share: closing one copy does not release it (a
 * daemon that forks a child holding a copy of its lock-file descriptor
 * keeps the lock alive after it exits), while LOCK_UN through any copy
 * releases it for all. With fcntl record locks it is the other way round:
 * any close releases (lock.close_other_fd).
 *
 * References: Linux flock(2) ("Locks created by flock() are associated with
 * an open file description ... duplicate file descriptors ... refer to the
 * same lock, and this lock may be modified or released using any of these
 * file descriptors ... the lock is released either by an explicit LOCK_UN
 * operation on any of these duplicate file descriptors, or when all such
 * file descriptors have been closed"); not POSIX.
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
static const char *try_ex(int fd)
{
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) return "granted";
    return errno == EWOULDBLOCK ? "refused" : fsc_errno_name(errno);
}

static int other(const char *arg)
{
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    while (fsc_recv(NULL)[0] == 't') {   /* "try" */
        const char *r = try_ex(fd);
        FSC_CHECK(flock(fd, LOCK_UN) == 0);
        fsc_send(NULL, "%s", r);
    }
    FSC_CHECK(close(fd) == 0);
    return 0;
}

static void probe(void)
{
    int fd1, fd2;
    fsc_put("f", "data");
    FSC_CHECK((fd1 = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(flock(fd1, LOCK_EX) == 0);
    FSC_CHECK((fd2 = dup(fd1)) >= 0);
    fsc_obs("dup_flock", "%s", try_ex(fd2));
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    fsc_send(h, "try");
    fsc_obs("other_while_held", "%s", fsc_recv(h));
    FSC_CHECK(close(fd1) == 0);
    fsc_send(h, "try");
    fsc_obs("other_after_close_first", "%s", fsc_recv(h));
    FSC_CHECK(flock(fd2, LOCK_UN) == 0);
    fsc_send(h, "try");
    fsc_obs("other_after_unlock_dup", "%s", fsc_recv(h));
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd2) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
