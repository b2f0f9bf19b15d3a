/*
 * open.nonblock_pipe_read — read() from an empty O_NONBLOCK pipe: with a writer still open, and after the last writer closed.
 *
 * Steps: make a pipe whose read end is O_NONBLOCK. Read 16 bytes from
 * the empty pipe ("empty_writer_open": EAGAIN, or `eof` for a return of
 * 0). Write "data", read 16 bytes ("with_data": the bytes read). Close
 * the write end and read again ("empty_writer_closed": eof or the
 * errno). POSIX only; skips on Windows.
 *
 * Why: event loops tell "nothing yet" from "the other side is gone" by
 * EAGAIN versus a 0-byte read; a platform or layer that reports one as
 * the other makes a server spin on a closed pipe or drop a live one.
 * Windows' nowait pipes answer the same two questions with their own
 * errors (open.pipe_nowait_read).
 *
 * References: POSIX.1-2024 read() ("When attempting to read from an empty
 * pipe or FIFO: If no process has the pipe open for writing, read() shall
 * return 0 to indicate end-of-file. If some process has the pipe open for
 * writing and O_NONBLOCK is set, read() shall return -1 and set errno to
 * [EAGAIN]"); Linux pipe(7)
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void try_read(const char *name, int fd)
{
    char buf[16];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) fsc_obs(name, "%s", fsc_errno_name(errno));
    else if (n == 0) fsc_obs(name, "%s", "eof");
    else fsc_obs_bytes(name, buf, (size_t)n);
}

static void probe(void)
{
    int p[2];
    FSC_CHECK(pipe2(p, O_CLOEXEC) == 0);
    FSC_CHECK(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0);
    try_read("empty_writer_open", p[0]);
    FSC_CHECK(write(p[1], "data", 4) == 4);
    try_read("with_data", p[0]);
    FSC_CHECK(close(p[1]) == 0);
    try_read("empty_writer_closed", p[0]);
    FSC_CHECK(close(p[0]) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_pipes"); }
#endif

FSC_PROBE(probe)
