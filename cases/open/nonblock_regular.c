/*
 * open.nonblock_regular — open(2) a regular file with O_NONBLOCK: is it kept, and does a read still return the data.
 *
 * Steps: create "f" holding "data"; open it with O_RDONLY|O_NONBLOCK and
 * report the result; report whether fcntl(F_GETFL) shows O_NONBLOCK; read
 * and report what came back (the bytes, or the error: EAGAIN would mean
 * the flag changed a regular file's reads).
 *
 * Why: event loops (libuv, Node, Python asyncio) set O_NONBLOCK on
 * descriptors they are handed, such as stdin redirected from a file; on a
 * regular file it has no effect — reads still block on the disk — which is
 * why they use a thread pool for file I/O. A file system that returned EAGAIN
 * would break every program reading a file handed to it on stdin.
 *
 * References: POSIX.1-2024 open() (O_NONBLOCK is specified for FIFOs and
 * special files; "Otherwise, the O_NONBLOCK flag shall not cause an
 * error, but it is unspecified whether the file status flags will include
 * the O_NONBLOCK flag"); open(2) ("O_NONBLOCK ... has no effect for
 * regular files and block devices").
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
    char buf[8];
    fsc_put("f", "data");
    int fd = (int)fsc_obs_sys("open", open("f", O_RDONLY | O_NONBLOCK));
    if (fd < 0) return;
    int fl = fcntl(fd, F_GETFL);
    FSC_CHECK(fl != -1);
    fsc_obs_bool("getfl_nonblock", (fl & O_NONBLOCK) != 0);
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) fsc_obs_sys("read", -1);
    else fsc_obs_bytes("read", buf, (size_t)n);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
