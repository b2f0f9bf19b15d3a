/*
 * fd.write_directory — write(2) and ftruncate(2) through a (read-only) descriptor of a directory.
 *
 * Steps: make directory "d"; open it O_RDONLY|O_DIRECTORY (the only way a
 * directory can be opened: for writing it is EISDIR, see
 * open.dir_for_write); write one byte through it and report the result;
 * ftruncate it to 0 and report.
 *
 * Why: which error comes back tells a generic "write to this descriptor"
 * path (logging to a descriptor passed in, `>&3` redirections onto a
 * directory descriptor) what went wrong: EBADF ("not open for writing")
 * or EISDIR ("is a directory"). Linux checks the access mode first;
 * a program that tests for EISDIR to detect directories never sees it.
 *
 * References: POSIX.1-2024 write() ([EBADF] "The fildes argument is not a
 * valid file descriptor open for writing"), ftruncate() ([EBADF] or
 * [EINVAL] "The fildes argument is not a file descriptor open for
 * writing"; [EINVAL] "The fildes argument references a file that was
 * opened without write permission"); write(2).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void probe(void)
{
    FSC_OK(fsc_op_mkdir("d"));
    int fd = open("d", O_RDONLY | O_DIRECTORY);
    FSC_CHECK(fd >= 0);
    fsc_obs_sys("write", write(fd, "x", 1));
    fsc_obs_sys("ftruncate", ftruncate(fd, 0));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
