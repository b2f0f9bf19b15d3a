/*
 * fd.dup2_self — dup2(fd, fd): the result, and whether the descriptor and its FD_CLOEXEC survive.
 *
 * Steps: create "f" holding "x"; open it with O_CLOEXEC; call dup2(fd, fd)
 * and report whether it returned fd ("same_fd"), another number, or an
 * error; report whether fd is still open (F_GETFD) and whether FD_CLOEXEC
 * is still set.
 *
 * Why: code that redirects "fd to slot N" with dup2(fd, N) then closes fd
 * (shells, posix_spawn file actions, daemonising stdio) breaks when fd
 * already is N: dup2 must then do nothing and keep the flags, and the
 * following close loses the only descriptor. dup3 differs (EINVAL, see
 * fd.dup3_self), which is why glibc's posix_spawn handles this case itself.
 *
 * References: POSIX.1-2024 dup2() (when fildes equals fildes2 it returns
 * fildes2 without closing it and leaves FD_CLOEXEC unchanged); dup(2).
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
    fsc_put("f", "x");
    int fd = open("f", O_RDONLY | O_CLOEXEC);
    FSC_CHECK(fd >= 0);
    int r = dup2(fd, fd);
    if (r < 0) fsc_obs_sys("dup2", -1);
    else fsc_obs("dup2", "%s", r == fd ? "same_fd" : "other_fd");
    int fdfl = fcntl(fd, F_GETFD);
    fsc_obs_bool("still_open", fdfl != -1);
    if (fdfl != -1) fsc_obs_bool("cloexec_kept", (fdfl & FD_CLOEXEC) != 0);
    if (r >= 0 && r != fd) FSC_CHECK(close(r) == 0);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_dup"); }
#endif

FSC_PROBE(probe)
