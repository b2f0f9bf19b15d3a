/*
 * fd.setfl_accmode — fcntl(F_SETFL) asked to make a read-only descriptor read-write: the access mode stays.
 *
 * Steps: create "f" holding "data"; open it O_RDONLY; fcntl(F_SETFL,
 * O_RDWR) and report the result; report whether the access mode F_GETFL
 * gives afterwards is still O_RDONLY ("unchanged") or not ("changed");
 * write one byte and report (EBADF: still read-only).
 *
 * Why: the access mode is fixed when the file is opened; F_SETFL changes
 * only status flags such as O_APPEND and O_NONBLOCK and ignores the access
 * mode bits. A wrapper that tries to "upgrade" a descriptor it was given
 * (instead of reopening /proc/self/fd/N or the path) gets a silent no-op
 * and fails at the first write; a platform that honoured it would let a
 * sandboxed process write through a descriptor it was handed for reading.
 *
 * References: POSIX.1-2024 fcntl() (F_SETFL: "Bits corresponding to the
 * file access mode and the file creation flags ... shall be ignored");
 * fcntl(2) (F_SETFL: "File access mode ... are ignored").
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
    fsc_put("f", "data");
    int fd = open("f", O_RDONLY);
    FSC_CHECK(fd >= 0);
    fsc_obs_sys("setfl", fcntl(fd, F_SETFL, O_RDWR));
    int fl = fcntl(fd, F_GETFL);
    FSC_CHECK(fl != -1);
    fsc_obs("accmode", "%s", (fl & O_ACCMODE) == O_RDONLY ? "unchanged" : "changed");
    fsc_obs_sys("write", write(fd, "x", 1));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
