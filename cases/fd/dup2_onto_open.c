/*
 * fd.dup2_onto_open — dup2 onto a descriptor that is open on another file: it is closed and replaced.
 *
 * Steps: create "a" ("one") and "b" ("two"); open "a" as fd and "b" as
 * target with O_CLOEXEC; dup2(fd, target) and report the result; read
 * through target and report what it read (the file now behind it); report
 * whether target still has FD_CLOEXEC (dup2 clears it).
 *
 * Why: dup2 is how stdin/stdout/stderr are redirected before exec: it must
 * close what was in the slot and put the new file there atomically, with
 * FD_CLOEXEC cleared so the program being started inherits it. A
 * redirection that kept the target's close-on-exec flag would start the
 * child with no stdout.
 *
 * References: POSIX.1-2024 dup2() (an open fildes2 is closed first; when
 * fildes differs from fildes2, FD_CLOEXEC of fildes2 is cleared); dup(2).
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
    fsc_put("a", "one");
    fsc_put("b", "two");
    int fd = open("a", O_RDONLY | O_CLOEXEC);
    int target = open("b", O_RDONLY | O_CLOEXEC);
    FSC_CHECK(fd >= 0 && target >= 0);
    if (fsc_obs_sys("dup2", dup2(fd, target)) >= 0) {
        ssize_t n = read(target, buf, sizeof buf);
        FSC_CHECK(n >= 0);
        fsc_obs_bytes("target_reads", buf, (size_t)n);
        int fdfl = fcntl(target, F_GETFD);
        FSC_CHECK(fdfl != -1);
        fsc_obs_bool("target_cloexec", (fdfl & FD_CLOEXEC) != 0);
    }
    FSC_CHECK(close(target) == 0);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_dup"); }
#endif

FSC_PROBE(probe)
