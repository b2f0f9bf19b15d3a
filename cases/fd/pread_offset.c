/*
 * fd.pread_offset — pread and pwrite leave the descriptor's file offset where it was.
 *
 * Steps: create "f" holding "abcdef"; open it read-write; read 1 byte (the
 * offset is now 1); pread 2 bytes at offset 3 and report what it read; report
 * whether the offset (lseek SEEK_CUR) is still 1; pwrite "X" at offset 5 and
 * report the same; read 1 byte and report it ("b": the offset was kept).
 *
 * Why: pread/pwrite exist so that threads sharing a descriptor (databases
 * such as SQLite and PostgreSQL, Go's os.File.ReadAt, libuv's uv_fs_read
 * with an offset) do not race on one file offset. Where they are emulated
 * with lseek+read+lseek (Go's ReadAt on Windows: internal/poll
 * fd_windows.go Pread), the offset moves for a moment and a concurrent
 * read through the same descriptor gets the wrong bytes.
 *
 * References: POSIX.1-2024 pread() and pwrite() (read or write at a given
 * position without changing the file offset); pread(2).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void report_offset(const char *name, int fd)
{
    off_t pos = lseek(fd, 0, SEEK_CUR);
    FSC_CHECK(pos != -1);
    fsc_obs(name, "%s", pos == 1 ? "unchanged" : "moved");
}

static void probe(void)
{
    char buf[2];
    fsc_put("f", "abcdef");
    int fd = open("f", O_RDWR);
    FSC_CHECK(fd >= 0);
    FSC_CHECK(read(fd, buf, 1) == 1);
    ssize_t n = pread(fd, buf, 2, 3);
    if (n < 0) fsc_obs_sys("pread", -1);
    else fsc_obs_bytes("pread", buf, (size_t)n);
    report_offset("offset_after_pread", fd);
    fsc_obs_sys("pwrite", pwrite(fd, "X", 1, 5));
    report_offset("offset_after_pwrite", fd);
    n = read(fd, buf, 1);
    FSC_CHECK(n >= 0);
    fsc_obs_bytes("next_read", buf, (size_t)n);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_pread"); }
#endif

FSC_PROBE(probe)
