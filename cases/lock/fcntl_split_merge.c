/*
 * lock.fcntl_split_merge — unlocking the middle of a record lock splits it; adjacent locks of one type merge.
 *
 * Steps: create "f"; an exec'd helper opens it read-write, F_SETLK a write
 * lock on bytes 0-29 and unlocks bytes 10-19, then write-locks bytes 40-49
 * and 50-59 as two requests, and says so. The probe asks F_GETLK (for a
 * write lock) which lock blocks bytes 0-9 ("split.left"), 10-19
 * ("split.middle"), 20-29 ("split.right") and 45-54 ("merged"): each is
 * `free` or the first byte and last byte of the blocking lock as F_GETLK
 * returns it (`0_9`).
 *
 * Why: a process's record locks are a set of byte ranges that the kernel
 * splits and coalesces; a database that unlocks a page in the middle of a
 * locked region relies on the rest staying locked (SQLite unlocks the
 * PENDING byte out of its lock range), and a tool that reports "who holds
 * which range" (lslocks, F_GETLK debugging) sees one lock where two were
 * taken. Windows LockFileEx has neither: an unlock must name exactly a range
 * that was locked.
 *
 * References: POSIX.1-2024 fcntl() (F_UNLCK on part of a locked segment
 * unlocks only those bytes; F_GETLK describes the first lock that blocks
 * the request); WG15 interpretation 9945-1-90 #50 (coalescing adjacent
 * locks is not required); Linux fcntl(2) "Advisory record locking";
 * UnlockFileEx (Win32, for the contrast).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "fsc_posix.h"
#endif
#include "fsc.h"

#ifndef _WIN32
static int setlk(int fd, short type, off_t start, off_t len)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    return fcntl(fd, F_SETLK, &fl);
}

static int holder(const char *arg)
{
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(setlk(fd, F_WRLCK, 0, 30) == 0 && setlk(fd, F_UNLCK, 10, 10) == 0);
    FSC_CHECK(setlk(fd, F_WRLCK, 40, 10) == 0 && setlk(fd, F_WRLCK, 50, 10) == 0);
    fsc_send(NULL, "locked");
    fsc_expect(NULL, "end");
    return 0;
}

static void blocker(int fd, const char *name, off_t start, off_t len)
{
    struct flock fl = fsc_getlk(fd, start, len);
    fsc_obs_lock_range(name, &fl);
}

static void probe(void)
{
    int fd;
    fsc_put("f", "data");
    fsc_helper *h = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "locked");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    blocker(fd, "split.left", 0, 10);
    blocker(fd, "split.middle", 10, 10);
    blocker(fd, "split.right", 20, 10);
    blocker(fd, "merged", 45, 10);
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
