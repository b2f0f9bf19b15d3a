/*
 * open.direct_alignment — O_DIRECT: does the open work, and an aligned and an unaligned write.
 *
 * Steps: open("f", O_RDWR|O_CREAT|O_EXCL|O_DIRECT) and report the result
 * (the rest is skipped, observations absent, when it fails); pwrite 4096
 * bytes from a 4096-aligned buffer at offset 0 and report the result; then
 * pwrite 1 byte from the same buffer at offset 1 and report the result.
 *
 * Why: databases (PostgreSQL's direct I/O, MySQL/InnoDB, RocksDB) and
 * dd/fio open with O_DIRECT to bypass the page cache. Some filesystems
 * refuse the open (EINVAL: tmpfs before Linux 6.6, some FUSE setups), and
 * where it opens, the alignment demanded of offsets, lengths and buffers
 * differs: a block filesystem answers EINVAL to unaligned I/O, while tmpfs
 * and FUSE may accept anything. Code must be ready for both refusals and
 * for a fallback to buffered I/O.
 *
 * References: open(2) (O_DIRECT, NOTES "O_DIRECT": alignment restrictions
 * "vary by filesystem and kernel version"; EINVAL); statx(2)
 * (STATX_DIOALIGN)
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#endif

#if !defined(_WIN32) && defined(O_DIRECT)
static void probe(void)
{
    void *buf;
    int fd = (int)fsc_obs_sys("open", open("f", O_RDWR | O_CREAT | O_EXCL | O_DIRECT | O_CLOEXEC, 0666));
    if (fd < 0) return;
    FSC_CHECK(posix_memalign(&buf, 4096, 4096) == 0);
    memset(buf, 'a', 4096);
    fsc_obs_sys("write_aligned", pwrite(fd, buf, 4096, 0));
    fsc_obs_sys("write_unaligned", pwrite(fd, buf, 1, 1));
    free(buf);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_o_direct"); }
#endif

FSC_PROBE(probe)
