/*
 * inherit.fd_no_cloexec — a descriptor opened without O_CLOEXEC is open in an exec'd child.
 *
 * Steps: create "f"; open("f", O_RDONLY) without O_CLOEXEC; report whether
 * FD_CLOEXEC is set on it; fork and exec a helper (the probe re-run), passing
 * the descriptor number and the file's st_dev/st_ino; the helper reports
 * "child_sees": same_file when that descriptor is open and fstat gives the
 * same device and inode, other_file when the number is open on something
 * else, or the fcntl(F_GETFD) error (EBADF) when it is closed.
 *
 * Why: inheritance is how shells pass redirections and how servers hand
 * sockets and files to workers; it is also how descriptors leak into
 * children (a lock file or deleted temp file kept alive, a pipe that never
 * reports EOF). This is the baseline for inherit.fd_cloexec_open and
 * inherit.fd_cloexec_fcntl: without the flag the child must see the file.
 *
 * References: POSIX.1-2024 exec ("File descriptors open in the calling
 * process image shall remain open in the new process image, except for those
 * whose close-on-exec flag FD_CLOEXEC is set"), open() (O_CLOEXEC), fcntl()
 * (F_GETFD, F_SETFD); open(2), fcntl(2).
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* arg "fd:dev:ino": is that descriptor open here, and on the same file? */
static int child(const char *arg)
{
    int fd;
    unsigned long long dev, ino;
    struct stat st;
    FSC_CHECK(sscanf(arg, "%d:%llu:%llu", &fd, &dev, &ino) == 3);
    if (fcntl(fd, F_GETFD) == -1) {
        fsc_obs("child_sees", "%s", fsc_errno_name(errno));
    } else {
        FSC_CHECK(fstat(fd, &st) == 0);
        int same = (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
        fsc_obs("child_sees", "%s", same ? "same_file" : "other_file");
    }
    fsc_send(NULL, "checked");
    return 0;
}

static void probe(void)
{
    char arg[64];
    struct stat st;
    fsc_put("f", "x");
    int fd = open("f", O_RDONLY);
    FSC_CHECK(fd >= 0);
    FSC_CHECK(fstat(fd, &st) == 0);
    fsc_obs_bool("cloexec_flag", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    snprintf(arg, sizeof arg, "%d:%llu:%llu", fd, (unsigned long long)st.st_dev,
             (unsigned long long)st.st_ino);
    fsc_helper *h = fsc_spawn("child", arg, FSC_SPAWN_EXEC);
    fsc_expect(h, "checked");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"child", child})
#else
static void probe(void) { fsc_skip("no_posix_fd_flags"); }
FSC_PROBE(probe)
#endif
