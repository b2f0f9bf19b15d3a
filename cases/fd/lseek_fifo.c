/*
 * fd.lseek_fifo — lseek on a FIFO descriptor fails with ESPIPE.
 *
 * Steps: mkfifo "p" (skips where the file system cannot hold a FIFO); open
 * it O_RDWR|O_NONBLOCK (so the open needs no peer; Linux allows it);
 * lseek(fd, 0, SEEK_CUR) and lseek(fd, 0, SEEK_SET) and report each.
 *
 * Why: code that "rewinds" an input it was given (a config parser, a tool
 * reading stdin twice, tar detecting compressed input) must learn that a
 * pipe cannot seek: ESPIPE is how it finds out, and falls back to
 * buffering. A descriptor that reported offset 0 instead would make it
 * re-read nothing and silently lose data.
 *
 * References: POSIX.1-2024 lseek() ([ESPIPE] "The fildes argument is
 * associated with a pipe, FIFO, or socket"); fifo(7) (O_RDWR on a FIFO is
 * unspecified by POSIX; Linux opens it without blocking).
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
    int fd = open("p", O_RDWR | O_NONBLOCK);
    FSC_CHECK(fd >= 0);
    fsc_obs_sys("seek_cur", (long)lseek(fd, 0, SEEK_CUR));
    fsc_obs_sys("seek_set", (long)lseek(fd, 0, SEEK_SET));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_fifo"); }
#endif

FSC_PROBE(probe)
