/*
 * size.collapse_range — FALLOC_FL_COLLAPSE_RANGE: remove 64 KiB from the middle, and an unaligned byte.
 *
 * Steps: create "f": 64 KiB each of 'a', 'b', 'c'; fallocate(fd,
 * FALLOC_FL_COLLAPSE_RANGE, 64 KiB, 64 KiB) and report the result, the size
 * afterwards and 4 bytes at 64 KiB (as fsc_obs_bytes: "cccc" when the 'b'
 * block is gone); then collapse 1 byte at offset 1 (not block-aligned) and
 * report the result.
 *
 * Why: video editors, log rotators and append-only stores cut the start or
 * middle out of a huge file without copying the rest. Filesystems that have
 * it (ext4, XFS) demand block-aligned ranges (EINVAL otherwise), others
 * answer EOPNOTSUPP, so the copy fallback is always needed and the
 * alignment is filesystem-dependent.
 *
 * References: fallocate(2) ("Collapsing file space": "offset and len must
 * be a multiple of the filesystem logical block size"; EINVAL, EOPNOTSUPP)
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

#if !defined(_WIN32) && defined(FALLOC_FL_COLLAPSE_RANGE)
static void probe(void)
{
    static char buf[192 << 10];
    struct stat st;
    int fd;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    memset(buf, 'a', 64 << 10);
    memset(buf + (64 << 10), 'b', 64 << 10);
    memset(buf + (128 << 10), 'c', 64 << 10);
    FSC_CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf);
    fsc_obs_sys("collapse", fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 64 << 10, 64 << 10));
    FSC_CHECK(fstat(fd, &st) == 0);
    fsc_obs_int("size_after", st.st_size);
    FSC_CHECK(pread(fd, buf, 4, 64 << 10) >= 0);
    fsc_obs_bytes("at_64k", buf, 4);
    fsc_obs_sys("collapse_unaligned", fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 1, 1));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_collapse_range"); }
#endif

FSC_PROBE(probe)
