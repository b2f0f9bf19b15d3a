/*
 * fd.read_directory — read(2) through a descriptor of a directory.
 *
 * Steps: make directory "d"; open it O_RDONLY|O_DIRECTORY; read from it
 * and report the result (the error, or "data" if bytes came back).
 *
 * Why: a program handed a directory where it expects a file (cat d, a
 * config loader given a path to a folder) opens it fine and only fails at
 * read. POSIX lets read() of a directory return its raw entries or fail;
 * Linux fails with EISDIR, while FreeBSD before 13 returned the raw
 * directory blocks of UFS, which a parser then chokes on.
 *
 * References: POSIX.1-2024 read() ([EISDIR] "The fildes argument refers to
 * a directory and the implementation does not allow the directory to be
 * read using read() or pread(). The readdir() function should be used
 * instead"); read(2).
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
    char buf[64];
    FSC_OK(fsc_op_mkdir("d"));
    int fd = open("d", O_RDONLY | O_DIRECTORY);
    FSC_CHECK(fd >= 0);
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) fsc_obs_sys("read", -1);
    else fsc_obs("read", "%s", n == 0 ? "eof" : "data");
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
