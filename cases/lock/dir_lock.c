/*
 * lock.dir_lock — flock and fcntl locks on a directory descriptor, and another process asking for them.
 *
 * Steps: make directory "d" and open it read-only (O_DIRECTORY); take
 * flock(LOCK_EX|LOCK_NB) on it ("flock_excl"), an fcntl F_SETLK read lock
 * on the whole of it ("fcntl_read") and a write lock ("fcntl_write"). An
 * exec'd helper opens "d" the same way and asks flock(LOCK_SH|LOCK_NB)
 * ("other_flock_shared") and an fcntl read lock ("other_fcntl_read"). Each
 * is ok or the error's name.
 *
 * Why: tools lock a directory to serialise work inside it (flock(1) on a
 * directory, package managers, build caches, maildir deliveries) because a
 * directory cannot be replaced by rename the way a lock file can. flock
 * works on any open directory; an fcntl write lock needs a descriptor open
 * for writing, which a directory never is, so fcntl-based code can only
 * take read locks on a directory, and those never exclude each other.
 *
 * References: Linux flock(2) (any open file); POSIX.1-2024 fcntl() ([EBADF]
 * for a write lock on a descriptor not open for writing), open() ([EISDIR]
 * for a directory opened for writing); util-linux flock(1) ("flock ...
 * directory").
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB) && defined(O_DIRECTORY)
static long whole(int fd, short type)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET};
    return fcntl(fd, F_SETLK, &fl);
}

static int other(const char *arg)
{
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("d", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0);
    fsc_obs_sys("other_flock_shared", flock(fd, LOCK_SH | LOCK_NB));
    fsc_obs_sys("other_fcntl_read", whole(fd, F_RDLCK));
    FSC_CHECK(close(fd) == 0);
    return 0;
}

static void probe(void)
{
    int fd;
    FSC_CHECK(mkdir("d", 0755) == 0);
    FSC_CHECK((fd = open("d", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0);
    fsc_obs_sys("flock_excl", flock(fd, LOCK_EX | LOCK_NB));
    fsc_obs_sys("fcntl_read", whole(fd, F_RDLCK));
    fsc_obs_sys("fcntl_write", whole(fd, F_WRLCK));
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
