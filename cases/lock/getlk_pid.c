/*
 * lock.getlk_pid — what l_pid F_GETLK and F_OFD_GETLK report for another process's record lock and OFD lock.
 *
 * Steps: create "a" and "b"; an exec'd helper opens both read-write, takes
 * an fcntl F_SETLK write lock on the whole of "a" and an OFD write lock
 * (F_OFD_SETLK) on the whole of "b", and sends its pid. The probe opens
 * both and asks: F_GETLK on "a" ("fcntl_pid"), F_GETLK on "b" ("getlk_on_ofd_pid")
 * and F_OFD_GETLK on "b" ("ofd_pid"), each for a write lock on the whole
 * file; each reports `helper` (l_pid is the helper's pid), `minus_one`,
 * `zero`, `other`, or `unlocked` when no lock was found.
 *
 * Why: "who holds the lock" is how lock files, package managers (dpkg,
 * rpm: "waiting for lock held by process N") and lslocks tell the user
 * what to wait for or kill; a record lock names its process, but an OFD
 * lock belongs to no process and reports -1, so such a message reads
 * "process -1" (or the tool kills the wrong thing) once a program moves to
 * OFD locks.
 *
 * References: POSIX.1-2024 fcntl() (F_GETLK: "l_pid ... the process ID of
 * the process holding the lock"); Linux fcntl(2) "Open file description
 * locks"; F_GETLK: "If the conflicting lock is an open file description
 * lock, then l_pid is set to -1").
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(F_OFD_SETLK)
static int lock_whole(const char *name, int cmd)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    int fd = open(name, O_RDWR | O_CLOEXEC);
    FSC_CHECK(fd >= 0 && fcntl(fd, cmd, &fl) == 0);
    return fd;
}

static int holder(const char *arg)
{
    (void)arg;
    lock_whole("a", F_SETLK);
    lock_whole("b", F_OFD_SETLK);
    fsc_send(NULL, "%ld", (long)getpid());
    fsc_expect(NULL, "end");
    return 0;
}

static void who(const char *name, int fd, int cmd, long helper)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    FSC_CHECK(fcntl(fd, cmd, &fl) == 0);
    fsc_obs(name, "%s",
            fl.l_type == F_UNLCK ? "unlocked"
            : fl.l_pid == helper ? "helper"
            : fl.l_pid == -1     ? "minus_one"
            : fl.l_pid == 0      ? "zero"
                                 : "other");
}

static void probe(void)
{
    long pid;
    int a, b;
    fsc_put("a", "data");
    fsc_put("b", "data");
    fsc_helper *h = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    FSC_CHECK(sscanf(fsc_recv(h), "%ld", &pid) == 1);
    FSC_CHECK((a = open("a", O_RDWR | O_CLOEXEC)) >= 0 && (b = open("b", O_RDWR | O_CLOEXEC)) >= 0);
    who("fcntl_pid", a, F_GETLK, pid);
    who("getlk_on_ofd_pid", b, F_GETLK, pid);
    who("ofd_pid", b, F_OFD_GETLK, pid);
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(a) == 0 && close(b) == 0);
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_ofd_locks"); }
FSC_PROBE(probe)
#endif
