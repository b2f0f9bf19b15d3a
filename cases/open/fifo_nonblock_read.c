/*
 * open.fifo_nonblock_read — open a FIFO for reading with O_NONBLOCK while no process has it open for writing.
 *
 * Steps: mkfifo "p" (skips where the file system cannot hold a FIFO);
 * open "p" with O_RDONLY|O_NONBLOCK and report the result; read from it and
 * report what came back ("eof" for 0 bytes, or the error).
 *
 * Why: without O_NONBLOCK the open blocks until a writer arrives, so
 * programs that listen on a named pipe (GNU make 4.4's jobserver FIFO,
 * `mkfifo` based IPC in shell scripts) open it non-blocking first. POSIX says that open returns at once; a read with no
 * writer then returns 0 (end of file), not EAGAIN — a loop that treats 0 as
 * "the writer closed" ends before the writer ever came.
 *
 * References: POSIX.1-2024 open() (O_NONBLOCK on a FIFO: "An open() for
 * reading-only shall return without delay"), read() ("When attempting to
 * read from an empty pipe or FIFO: If no process has the pipe open for
 * writing, read() shall return 0"); fifo(7).
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
    char buf[8];
    if (mkfifo("p", 0600) != 0) fsc_skip("no_fifo_on_this_filesystem");
    int fd = (int)fsc_obs_sys("open", open("p", O_RDONLY | O_NONBLOCK));
    if (fd < 0) return;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) fsc_obs_sys("read", -1);
    else fsc_obs("read", "%s", n == 0 ? "eof" : "data");
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_fifo"); }
#endif

FSC_PROBE(probe)
