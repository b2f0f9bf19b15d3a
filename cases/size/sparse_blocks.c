/*
 * size.sparse_blocks — a byte written past a gap: does the gap take space, and what does a 64 MiB gap do?
 *
 * Steps: create "f" and pwrite(2) one byte at offset 1 MiB; report the
 * result and the space the file takes (st_blocks): "sparse" below 512 KiB,
 * "allocated" from there up. Then create "g" and pwrite one byte at 64 MiB;
 * report the result, truncate "g" to 0 at once, and report the size class
 * fstat saw before that: "64m_plus_1", "0" or "other". Where the 1 MiB gap
 * took space and fstatvfs shows less than 65 MiB free, the 64 MiB write is
 * not tried (its observations are absent): it would fill the volume (the
 * fsmatrix images are 64 MiB; fusefat fills every free cluster, then
 * fails), breaking everything else that runs on it.
 *
 * Why: backup tools, disk images, databases and download managers create
 * files with holes and expect them to cost nothing. On a filesystem without
 * sparse files (FAT, exFAT) the gap is written as zeros: it takes time and
 * real space, or fails on a small volume, so "write at the end first"
 * pre-allocation tricks and copy-with-holes tools behave very differently.
 *
 * References: POSIX.1-2024 lseek() ("the data ... in the gap shall return
 * bytes with the value 0 until data is actually written into the gap"),
 * <sys/stat.h> (st_blocks); stat(2)
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

static void probe(void)
{
    const long long big = 64LL << 20;
    struct stat st;
    struct statvfs vfs;
    int fd;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    fsc_obs_sys("write_1m", pwrite(fd, "x", 1, 1 << 20));
    FSC_CHECK(fstat(fd, &st) == 0 && fstatvfs(fd, &vfs) == 0 && close(fd) == 0);
    int sparse = (long long)st.st_blocks * 512 < (512 << 10);
    fsc_obs("blocks_1m", "%s", sparse ? "sparse" : "allocated");
    if (!sparse && (long long)vfs.f_bavail * (long long)vfs.f_frsize < big + (1 << 20)) return;

    FSC_CHECK((fd = open("g", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    long w = pwrite(fd, "x", 1, big);
    int e = errno;
    FSC_CHECK(fstat(fd, &st) == 0 && ftruncate(fd, 0) == 0 && close(fd) == 0);
    errno = e;
    fsc_obs_sys("write_64m", w);
    fsc_obs("size_64m", "%s", st.st_size == big + 1 ? "64m_plus_1" : st.st_size == 0 ? "0" : "other");
}
#else
static void probe(void) { fsc_skip("no_st_blocks"); }
#endif

FSC_PROBE(probe)
