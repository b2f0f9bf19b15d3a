/*
 * lock.fcntl_seek_end — an EOF-relative (SEEK_END) record lock is fixed when taken and does not follow the file's growth.
 *
 * Steps: an exec'd helper creates "f" with 10 bytes, F_SETLKs a write
 * lock with l_whence SEEK_END, l_start -2, l_len 2 (the last two bytes:
 * 8-9), writes 10 more bytes (the file is now 20 bytes; all through the
 * one open that created the file, as fusefat grows no file it reopened)
 * and says so. The probe asks F_GETLK for a write lock on bytes 8-9
 * ("old_tail") and on bytes 18-19 ("new_tail"): each `free` or the first
 * and last byte of the blocking lock (`8_9`), and whether F_GETLK returns
 * l_whence as SEEK_SET ("getlk_whence": set or other).
 *
 * Why: "lock the last record" with SEEK_END is resolved against the size at
 * the time of the call; an appender that locks the tail and then writes
 * past it does not hold the new tail, and a second appender can lock and
 * write there. Log writers and mailbox appenders that rely on an
 * EOF-relative lock to serialise appends must lock with l_len 0 instead.
 *
 * References: POSIX.1-2024 fcntl() (l_whence SEEK_END: l_start is relative
 * to the end of the file when the request is made); Linux fcntl(2), fs/locks.c
 * posix_lock_to_flock (F_GETLK returns l_whence SEEK_SET).
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
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = -2, .l_len = 2};
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) >= 0);
    FSC_CHECK(write(fd, "0123456789", 10) == 10);
    FSC_CHECK(fcntl(fd, F_SETLK, &fl) == 0);
    FSC_CHECK(write(fd, "0123456789", 10) == 10);
    fsc_send(NULL, "locked");
    fsc_expect(NULL, "end");
    return 0;
}

static void probe(void)
{
    static const struct { const char *name; off_t start; } q[] = {{"old_tail", 8}, {"new_tail", 18}};
    int fd, told = 0;
    fsc_helper *h = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "locked");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    for (int i = 0; i < 2; i++) {
        struct flock fl = fsc_getlk(fd, q[i].start, 2);
        fsc_obs_lock_range(q[i].name, &fl);
        if (fl.l_type != F_UNLCK && !told++)
            fsc_obs("getlk_whence", "%s", fl.l_whence == SEEK_SET ? "set" : "other");
    }
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
