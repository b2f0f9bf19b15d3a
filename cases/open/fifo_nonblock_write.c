/*
 * open.fifo_nonblock_write — open a FIFO for writing with O_NONBLOCK, with no reader and then with one.
 *
 * Steps: mkfifo "p" (skips where the file system cannot hold a FIFO);
 * open "p" with O_WRONLY|O_NONBLOCK and report the result (no process has it
 * open for reading); open it O_RDONLY|O_NONBLOCK (a reader), then
 * O_WRONLY|O_NONBLOCK again and report; write one byte through it and
 * report.
 *
 * Why: a writer that must not hang when nobody listens (a logger writing to
 * a named pipe, a client poking a daemon's control FIFO) opens it
 * non-blocking and takes ENXIO as "no reader": POSIX requires that error.
 * Code that expects EAGAIN, or an open that succeeds and a write that then
 * raises SIGPIPE, handles the absent reader wrongly.
 *
 * References: POSIX.1-2024 open() (O_NONBLOCK on a FIFO: "An open() for
 * writing-only shall return an error if no process currently has the file
 * open for reading", [ENXIO]); fifo(7).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void probe(void)
{
    if (mkfifo("p", 0600) != 0) fsc_skip("no_fifo_on_this_filesystem");
    int fd = (int)fsc_obs_sys("no_reader.open", open("p", O_WRONLY | O_NONBLOCK));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
    int rd = open("p", O_RDONLY | O_NONBLOCK);
    FSC_CHECK(rd >= 0);
    fd = (int)fsc_obs_sys("with_reader.open", open("p", O_WRONLY | O_NONBLOCK));
    if (fd >= 0) {
        fsc_obs_sys("with_reader.write", write(fd, "x", 1));
        FSC_CHECK(close(fd) == 0);
    }
    FSC_CHECK(close(rd) == 0);
}
#else
static void probe(void) { fsc_skip("no_fifo"); }
#endif

FSC_PROBE(probe)
