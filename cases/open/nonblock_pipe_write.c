/*
 * open.nonblock_pipe_write — write() to a full or nearly full O_NONBLOCK pipe: EAGAIN or a partial count, by size against PIPE_BUF.
 *
 * Steps: make a pipe whose write end is O_NONBLOCK. Fill it with
 * PIPE_BUF-byte writes until one does not write everything ("fill_ends":
 * EAGAIN, or partial when a short count ended it). With the pipe full:
 * write 1 byte ("full.write_small") and 2*PIPE_BUF bytes
 * ("full.write_large"). Read PIPE_BUF/2 bytes, then write PIPE_BUF bytes
 * ("half_free.write_pipe_buf") and 2*PIPE_BUF bytes
 * ("half_free.write_large"). Read 2*PIPE_BUF bytes more, then write
 * 4*PIPE_BUF bytes ("some_free.write_large"). Each write reports
 * `all` (everything written), `partial` (a short count) or the errno; for
 * the last, `some_free.partial_count` says whether a short count was a
 * multiple of PIPE_BUF (pipe_buf_multiple) or not (other). POSIX only;
 * skips on Windows.
 *
 * Why: event loops (libuv, Node, nginx, Python asyncio) write to
 * non-blocking pipes and must handle both EAGAIN and short counts;
 * writes of up to PIPE_BUF bytes are atomic (all or EAGAIN, never
 * interleaved), which is what makes concurrent loggers safe. Code that
 * assumes "the write either fails or writes everything" corrupts
 * streams larger than PIPE_BUF; code that assumes space is measured in
 * bytes expects a write to fit where Linux's page-sized pipe buffers still
 * refuse it.
 *
 * References: POSIX.1-2024 write() (pipes and FIFOs with O_NONBLOCK:
 * nbyte <= PIPE_BUF all or EAGAIN; more: a partial count when some can be
 * written, EAGAIN when none); Linux pipe(7) ("Pipe capacity", "PIPE_BUF",
 * O_NONBLOCK cases)
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
enum { UNIT = PIPE_BUF };
static char buf[4 * UNIT];

/* Writes n bytes, reports all / partial / errno; returns the count. */
static long try_write(const char *name, int fd, size_t n)
{
    ssize_t w = write(fd, buf, n);
    fsc_obs(name, "%s", w < 0 ? fsc_errno_name(errno) : (size_t)w == n ? "all" : "partial");
    return (long)w;
}

static void drain(int fd, size_t n)
{
    FSC_CHECK(read(fd, buf, n) == (ssize_t)n);
}

static void probe(void)
{
    int p[2];
    ssize_t w;
    FSC_CHECK(pipe2(p, O_CLOEXEC) == 0);
    FSC_CHECK(fcntl(p[1], F_SETFL, O_NONBLOCK) == 0);
    while ((w = write(p[1], buf, UNIT)) == UNIT) continue;
    if (w < 0 && errno != EAGAIN) fsc_fail("filling the pipe: write: %s", fsc_last_error());
    fsc_obs("fill_ends", "%s", w < 0 ? "EAGAIN" : "partial");
    try_write("full.write_small", p[1], 1);
    try_write("full.write_large", p[1], 2 * UNIT);
    drain(p[0], UNIT / 2);
    try_write("half_free.write_pipe_buf", p[1], UNIT);
    try_write("half_free.write_large", p[1], 2 * UNIT);
    drain(p[0], 2 * UNIT);
    long n = try_write("some_free.write_large", p[1], 4 * UNIT);
    if (n > 0 && n < 4 * UNIT)
        fsc_obs("some_free.partial_count", "%s", n % UNIT ? "other" : "pipe_buf_multiple");
    FSC_CHECK(close(p[0]) == 0 && close(p[1]) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_pipes"); }
#endif

FSC_PROBE(probe)
