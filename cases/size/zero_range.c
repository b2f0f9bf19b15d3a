/*
 * size.zero_range — FALLOC_FL_ZERO_RANGE over the end of a file, without KEEP_SIZE.
 *
 * Steps: create "f" of 128 KiB of 'a'; fallocate(fd, FALLOC_FL_ZERO_RANGE,
 * 64 KiB, 128 KiB) — a range that runs 64 KiB past the end of file — and
 * report the result; report the size afterwards (196608 when the file grew
 * to the end of the range) and 4 bytes each at 0, at 64 KiB (start of the
 * range) and at 128 KiB - 4 (as fsc_obs_bytes).
 *
 * Why: databases and VM image tools (qemu write-zeroes, fio) use ZERO_RANGE
 * to turn a range into zeros without writing them and, like mode 0, to
 * extend the file. Only some filesystems implement it (ext4, XFS, tmpfs
 * differ; FUSE passes it to the daemon), so portable code needs the
 * EOPNOTSUPP fallback of writing zeros itself.
 *
 * References: fallocate(2) ("Zeroing file space": FALLOC_FL_ZERO_RANGE,
 * "if FALLOC_FL_KEEP_SIZE is not specified ... the file size will be
 * changed"; "Not all filesystems support FALLOC_FL_ZERO_RANGE")
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

#if !defined(_WIN32) && defined(FALLOC_FL_ZERO_RANGE)
static void probe(void)
{
    static char buf[128 << 10];
    struct stat st;
    int fd;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    memset(buf, 'a', sizeof buf);
    FSC_CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf);
    fsc_obs_sys("zero_range", fallocate(fd, FALLOC_FL_ZERO_RANGE, 64 << 10, 128 << 10));
    FSC_CHECK(fstat(fd, &st) == 0);
    fsc_obs_int("size_after", st.st_size);
    FSC_CHECK(pread(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf);
    fsc_obs_bytes("at_0", buf, 4);
    fsc_obs_bytes("range_start", buf + (64 << 10), 4);
    fsc_obs_bytes("range_old_end", buf + (128 << 10) - 4, 4);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_zero_range"); }
#endif

FSC_PROBE(probe)
