/*
 * open.o_path — what a Linux O_PATH descriptor allows: fstat, read, fchdir.
 *
 * Steps: create "f" holding "data" and directory "d"; open "f" with O_PATH
 * and report the result; fstat through it; read through it; open "d" with
 * O_PATH|O_DIRECTORY and fchdir to it (then back to the sandbox through a
 * descriptor of ".") — report each result. Skips where there is no O_PATH.
 *
 * Why: O_PATH gives a descriptor that names a file without opening it for
 * I/O — container runtimes, systemd and glibc's realpath use it to pin a
 * file or directory and to work *at() relative to it safely. Code that
 * gets one from a library and passes it to read() gets EBADF; whether
 * fstat and fchdir work through it (fstat only since Linux 3.6)
 * decides whether it can replace an ordinary descriptor.
 *
 * References: open(2) (O_PATH: fchdir and, since Linux 3.6, fstat work
 * through it; read and write fail with EBADF); not in POSIX.1-2024
 * (O_SEARCH and O_EXEC are its cousins).
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(O_PATH)
static void probe(void)
{
    struct stat st;
    char buf[8];
    fsc_put("f", "data");
    FSC_OK(fsc_op_mkdir("d"));
    int fd = (int)fsc_obs_sys("open", open("f", O_PATH));
    if (fd >= 0) {
        fsc_obs_sys("fstat", fstat(fd, &st));
        fsc_obs_sys("read", read(fd, buf, sizeof buf));
        FSC_CHECK(close(fd) == 0);
    }
    int here = open(".", O_RDONLY | O_DIRECTORY);
    FSC_CHECK(here >= 0);
    int dir = (int)fsc_obs_sys("open_dir", open("d", O_PATH | O_DIRECTORY));
    if (dir >= 0) {
        if (fsc_obs_sys("fchdir", fchdir(dir)) == 0) FSC_CHECK(fchdir(here) == 0);
        FSC_CHECK(close(dir) == 0);
    }
    FSC_CHECK(close(here) == 0);
}
#else
static void probe(void) { fsc_skip("no_o_path"); }
#endif

FSC_PROBE(probe)
