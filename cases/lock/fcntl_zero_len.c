/*
 * lock.fcntl_zero_len — a record lock of length 0 covers from its start to the end of the file and beyond.
 *
 * Steps: an exec'd helper creates "f" with 4 bytes and F_SETLKs a write
 * lock with l_start 10 and l_len 0 (past the end of the file), and says
 * so. The probe asks F_GETLK for a write lock on byte 5 ("before_start"),
 * byte 10 ("at_start"), byte 1000000 ("far_past_eof"); then the helper
 * writes 16 more bytes (20 now; through the open that created the file, as
 * fusefat grows no file it reopened) and the probe asks for byte 15
 * ("grown_part"). Each is `free` or `held_to_eof` (the blocking lock
 * starts at 10 and has length 0), `held_S_E` for another range.
 *
 * Why: "lock the whole file" in fcntl is l_start 0, l_len 0, and it also
 * covers bytes appended later; a lock on a region past the end of the file
 * is how databases lock bytes that never hold data (SQLite's lock bytes at
 * 1 GiB, a pid file's lock at offset 0 of an empty file). On Windows a
 * zero-length LockFileEx range locks nothing (another engineer's probes).
 *
 * References: POSIX.1-2024 fcntl() ("A lock shall be set to extend to the
 * largest possible value of the file offset for that file by setting l_len
 * to 0";
 * "Locks may start and extend beyond the current end of a file"); Linux
 * fcntl(2); SQLite src/os.h PENDING_BYTE.
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
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 0};
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) >= 0);
    FSC_CHECK(write(fd, "data", 4) == 4 && fcntl(fd, F_SETLK, &fl) == 0);
    fsc_send(NULL, "locked");
    fsc_expect(NULL, "grow");
    FSC_CHECK(write(fd, "0123456789abcdef", 16) == 16);
    fsc_send(NULL, "grown");
    fsc_expect(NULL, "end");
    return 0;
}

static void query(int fd, const char *name, off_t at)
{
    struct flock fl = fsc_getlk(fd, at, 1);
    if (fl.l_type == F_UNLCK) fsc_obs(name, "free");
    else if (fl.l_start == 10 && fl.l_len == 0) fsc_obs(name, "held_to_eof");
    else fsc_obs(name, "held_%lld_%lld", (long long)fl.l_start, (long long)fl.l_len);
}

static void probe(void)
{
    int fd;
    fsc_helper *h = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "locked");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    query(fd, "before_start", 5);
    query(fd, "at_start", 10);
    query(fd, "far_past_eof", 1000000);
    fsc_send(h, "grow");
    fsc_expect(h, "grown");
    query(fd, "grown_part", 15);
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
