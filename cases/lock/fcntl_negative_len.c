/*
 * lock.fcntl_negative_len — a record lock with a negative l_len covers the bytes before l_start.
 *
 * Steps: create "f" with 20 bytes; an exec'd helper opens it read-write and
 * F_SETLKs a write lock with l_start 10, l_len -5 ("negative_len": ok or
 * the error) and one with l_start 2, l_len -5, which would begin before
 * byte 0 ("before_zero"), and says so. The probe asks F_GETLK for a write
 * lock on the whole file and reports the blocking lock's first and last
 * byte ("covered": `5_9` for bytes 5-9, or `free`).
 *
 * Why: POSIX allows a negative length (since the 2001 edition): the range
 * runs from l_start+l_len to l_start-1. Code that computes lengths by
 * subtraction and passes a negative one by mistake locks a different range
 * instead of failing where the system supports it, and fails with EINVAL
 * where it does not (older systems, some network file systems).
 *
 * References: POSIX.1-2024 fcntl() ("If l_len is negative, the area
 * affected shall start at l_start+l_len and end at l_start-1"; [EINVAL]
 * when the start would be negative); Linux fcntl(2) ("l_len can be
 * negative ... since Linux 2.4.21 and 2.5.49").
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
static int holder(const char *arg)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = -5};
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_obs_sys("negative_len", fcntl(fd, F_SETLK, &fl));
    fl = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = -5};
    fsc_obs_sys("before_zero", fcntl(fd, F_SETLK, &fl));
    fsc_send(NULL, "locked");
    fsc_expect(NULL, "end");
    return 0;
}

static void probe(void)
{
    int fd;
    fsc_put("f", "0123456789abcdefghij");
    fsc_helper *h = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "locked");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    struct flock fl = fsc_getlk(fd, 0, 0);
    fsc_obs_lock_range("covered", &fl);
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
