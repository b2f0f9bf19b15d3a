/*
 * fd.dup_shares — what dup(2) shares with the original descriptor: the offset and status flags, not FD_CLOEXEC.
 *
 * Steps: create "f" holding "abcdef"; open it read-write with FD_CLOEXEC
 * set (O_CLOEXEC) and dup it; read 2 bytes through the original, then 2
 * through the copy and report what the copy read ("cd": one offset);
 * set O_APPEND on the original with F_SETFL and report whether F_GETFL on
 * the copy shows it; report whether the copy has FD_CLOEXEC.
 *
 * Why: a duplicate is a second number for the same open file description:
 * shells (2>&1), daemons redirecting stdio and subprocess libraries depend
 * on a write through one advancing the other's offset and on status flags
 * (O_APPEND, O_NONBLOCK) being shared — setting O_NONBLOCK on a dup'ed
 * stdin makes the parent shell's reads fail with EAGAIN. FD_CLOEXEC is per
 * descriptor and dup clears it, so a dup'ed descriptor leaks into children
 * unless set again.
 *
 * References: POSIX.1-2024 dup() (equivalent to fcntl F_DUPFD: the same
 * open file description, FD_CLOEXEC cleared on the new descriptor),
 * fcntl() (F_DUPFD), XBD 3 "Open File Description"; dup(2).
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
    char buf[2];
    fsc_put("f", "abcdef");
    int fd = open("f", O_RDWR | O_CLOEXEC);
    FSC_CHECK(fd >= 0);
    int copy = dup(fd);
    FSC_CHECK(copy >= 0);
    FSC_CHECK(read(fd, buf, 2) == 2);
    ssize_t n = read(copy, buf, 2);
    FSC_CHECK(n >= 0);
    fsc_obs_bytes("copy_reads", buf, (size_t)n);
    FSC_CHECK(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND) == 0);
    int fl = fcntl(copy, F_GETFL);
    FSC_CHECK(fl != -1);
    fsc_obs_bool("copy_sees_append", (fl & O_APPEND) != 0);
    int fdfl = fcntl(copy, F_GETFD);
    FSC_CHECK(fdfl != -1);
    fsc_obs_bool("copy_cloexec", (fdfl & FD_CLOEXEC) != 0);
    FSC_CHECK(close(copy) == 0);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_dup"); }
#endif

FSC_PROBE(probe)
