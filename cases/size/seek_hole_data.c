/*
 * size.seek_hole_data — lseek SEEK_DATA / SEEK_HOLE on a file with a 960 KiB hole.
 *
 * Steps: create "f": 64 KiB of 'a' at 0, nothing up to 1 MiB, 64 KiB of 'b'
 * at 1 MiB (size 1088 KiB); then report, each as a class of the offset
 * returned ("start" 0, "data_end" 64 KiB, "hole" 128 KiB, "data2" 1 MiB,
 * "eof" 1088 KiB, other offsets as "at_<bytes>") or the error:
 * SEEK_HOLE from 0, SEEK_DATA from 128 KiB (inside the hole), SEEK_HOLE
 * from 1 MiB, and SEEK_DATA from the end of file.
 *
 * Why: cp, tar, rsync, qemu-img and backup tools copy only the data
 * segments of sparse files with these calls. A filesystem may support them
 * fully, or only in the generic way Linux allows (the whole file is data,
 * the only hole is at the end of file), so a copy silently becomes
 * non-sparse; FUSE filesystems answer as their daemon implements it.
 *
 * References: lseek(2) (SEEK_DATA, SEEK_HOLE: "the simplest implementation
 * ... a filesystem can ... return the offset of the end of the file" for
 * SEEK_HOLE; ENXIO); POSIX.1-2024 lseek() (SEEK_DATA, SEEK_HOLE added)
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#endif

#if !defined(_WIN32) && defined(SEEK_DATA) && defined(SEEK_HOLE)
#define K 1024L

static void seek_obs(const char *name, int fd, off_t from, int whence)
{
    static const struct { off_t at; const char *cls; } known[] = {
        {0, "start"}, {64 * K, "data_end"}, {128 * K, "hole"}, {1024 * K, "data2"}, {1088 * K, "eof"}};
    off_t r = lseek(fd, from, whence);
    if (r == -1) { fsc_obs_sys(name, -1); return; }
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i].at == r) { fsc_obs(name, "%s", known[i].cls); return; }
    fsc_obs(name, "at_%lld", (long long)r);
}

static void probe(void)
{
    static char buf[64 * K];
    int fd;
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    memset(buf, 'a', sizeof buf);
    FSC_CHECK(pwrite(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf);
    memset(buf, 'b', sizeof buf);
    FSC_CHECK(pwrite(fd, buf, sizeof buf, 1024 * K) == (ssize_t)sizeof buf);
    seek_obs("hole_from_0", fd, 0, SEEK_HOLE);
    seek_obs("data_from_hole", fd, 128 * K, SEEK_DATA);
    seek_obs("hole_from_data2", fd, 1024 * K, SEEK_HOLE);
    seek_obs("data_from_eof", fd, 1088 * K, SEEK_DATA);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_seek_hole"); }
#endif

FSC_PROBE(probe)
