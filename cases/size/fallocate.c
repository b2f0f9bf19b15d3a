/*
 * size.fallocate — fallocate(2) mode 0 past the end of file, then FALLOC_FL_KEEP_SIZE.
 *
 * Steps: create "f" holding 10 bytes; fallocate(fd, 0, 0, 64 KiB) and report
 * the result and the size afterwards; then fallocate(fd, FALLOC_FL_KEEP_SIZE,
 * 64 KiB, 64 KiB) and report the result and the size afterwards.
 *
 * Why: databases, download managers, torrent clients and log writers
 * reserve space up front so that later writes cannot fail with ENOSPC or
 * fragment the file. Mode 0 also extends the file; KEEP_SIZE reserves
 * blocks past the end without changing the size. Filesystems that cannot
 * reserve (FAT through FUSE, NTFS through ntfs-3g) answer EOPNOTSUPP, and
 * posix_fallocate then falls back to writing zeros, which is slow and, on
 * copy-on-write filesystems, reserves nothing at all.
 *
 * References: fallocate(2) (mode 0, FALLOC_FL_KEEP_SIZE, EOPNOTSUPP);
 * posix_fallocate(3) (the emulation); POSIX.1-2024 posix_fallocate()
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#if !defined(_WIN32) && defined(FALLOC_FL_KEEP_SIZE)
static void probe(void)
{
    struct stat st;
    int fd;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    FSC_CHECK(write(fd, "0123456789", 10) == 10);
    fsc_obs_sys("alloc", fallocate(fd, 0, 0, 64 << 10));
    FSC_CHECK(fstat(fd, &st) == 0);
    fsc_obs_int("size_after_alloc", st.st_size);
    fsc_obs_sys("alloc_keep_size", fallocate(fd, FALLOC_FL_KEEP_SIZE, 64 << 10, 64 << 10));
    FSC_CHECK(fstat(fd, &st) == 0);
    fsc_obs_int("size_after_keep_size", st.st_size);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_fallocate"); }
#endif

FSC_PROBE(probe)
