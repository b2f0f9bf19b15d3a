/*
 * sync.sync_file_range — sync_file_range(2) on a file with dirty data, and on a directory.
 *
 * Steps: create "f" and write 64 KiB to it; sync_file_range(fd, 0, 0,
 * WAIT_BEFORE|WRITE|WAIT_AFTER) and report the result; mkdir "d", open it
 * O_RDONLY|O_DIRECTORY and call the same on it; report the result.
 *
 * Why: databases, log writers and copy tools (RocksDB, PostgreSQL's
 * writeback control, ffmpeg) start writeback of ranges early with this
 * Linux-only call so that the later fsync is short. It promises nothing
 * about metadata and is a no-op on some filesystems; whether it is accepted
 * at all (and on which kinds of file) decides whether the code needs a
 * fallback.
 *
 * References: sync_file_range(2) ("This system call is extremely
 * dangerous and should not be used in portable programs"; EINVAL, ESPIPE:
 * "fd refers to something other than a regular file, a block device, or a
 * directory")
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

#if !defined(_WIN32) && defined(SYNC_FILE_RANGE_WRITE)
#define ALL (SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER)

static void probe(void)
{
    static char buf[64 << 10];
    int fd;
    memset(buf, 'a', sizeof buf);
    FSC_CHECK((fd = open("f", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0);
    FSC_CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf);
    fsc_obs_sys("file", sync_file_range(fd, 0, 0, ALL));
    FSC_CHECK(close(fd) == 0);
    FSC_OK(fsc_op_mkdir("d"));
    FSC_CHECK((fd = open("d", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0);
    fsc_obs_sys("dir", sync_file_range(fd, 0, 0, ALL));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_sync_file_range"); }
#endif

FSC_PROBE(probe)
