/*
 * size.punch_hole — FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE in the middle of a file: result, size, what reads back.
 *
 * Steps: create "f" of 192 KiB of 'a'; fallocate(fd, PUNCH_HOLE|KEEP_SIZE,
 * 64 KiB, 64 KiB) and report the result; report the size afterwards and
 * the first and last 4 bytes of the punched range and the 4 bytes after it
 * (as fsc_obs_bytes: "aaaa" or "%00%00%00%00").
 *
 * Why: databases (SQLite VACUUM alternatives, InnoDB page compression),
 * VM images (qemu discard), log-structured stores and systemd-journald
 * free space in the middle of a file this way and rely on the range then
 * reading as zeros. Where the call is unsupported (EOPNOTSUPP) the data
 * stays, so the caller must write zeros itself.
 *
 * References: fallocate(2) ("Deallocating file space": PUNCH_HOLE must be
 * ORed with KEEP_SIZE; "subsequent reads from this range will return
 * zeros"; EOPNOTSUPP)
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#if !defined(_WIN32) && defined(FALLOC_FL_PUNCH_HOLE)
static void probe(void)
{
    static char buf[192 << 10];
    struct stat st;
    int fd;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    memset(buf, 'a', sizeof buf);
    FSC_CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf);
    fsc_obs_sys("punch", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 64 << 10, 64 << 10));
    FSC_CHECK(fstat(fd, &st) == 0);
    fsc_obs_int("size_after", st.st_size);
    FSC_CHECK(pread(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf);
    fsc_obs_bytes("range_start", buf + (64 << 10), 4);
    fsc_obs_bytes("range_end", buf + (128 << 10) - 4, 4);
    fsc_obs_bytes("after_range", buf + (128 << 10), 4);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_punch_hole"); }
#endif

FSC_PROBE(probe)
