/*
 * lock.fcntl_survives_exec — whether an fcntl lock survives exec when its descriptor stays open.
 *
 * Steps: create "f"; an exec'd helper opens it read-write WITHOUT
 * close-on-exec, takes an fcntl F_SETLK write lock on the whole file, and
 * re-executes itself into another role (same process, new image), passing
 * the descriptor number; the new image checks the descriptor is still open
 * and sends its pid. The probe then asks F_GETLK for a write lock on the
 * whole file (reports the type found and whether l_pid is the helper's pid)
 * and tries F_SETLK itself (reports the result).
 *
 * Why: record locks belong to the process, and exec keeps the process: a
 * wrapper that takes a lock and execs the real program (flock(1)-style
 * tools, daemon supervisors, `exec` in shell scripts holding a lockfile)
 * relies on the lock staying held. If the descriptor is close-on-exec the
 * close at exec drops the lock instead — the other half of the same rule.
 *
 * References: POSIX.1-2024 fcntl() (a lock is released when the process
 * closes a descriptor of the file), exec (descriptors without FD_CLOEXEC
 * stay open); Linux fcntl(2) ("Record locks are not inherited by a child
 * created via fork(2), but are preserved across an execve(2)"), execve(2)
 * (close-on-exec "will cause the release of all record locks").
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fsc_posix.h"
#endif
#include "fsc.h"

#ifndef _WIN32
static int holder(const char *arg)
{
    FSC_CHECK(fcntl(atoi(arg), F_GETFD) != -1);   /* the descriptor survived */
    fsc_send(NULL, "pid %ld", (long)getpid());
    fsc_expect(NULL, "end");
    return 0;
}

static int locker(const char *arg)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};   /* the whole file */
    char num[32];
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR)) >= 0);   /* no O_CLOEXEC */
    FSC_CHECK(fcntl(fd, F_SETLK, &fl) == 0);
    snprintf(num, sizeof num, "%d", fd);
    fsc_fail("re-exec: %s", fsc_op_errname(fsc_reexec("holder", num)));
}

static void probe(void)
{
    long pid;
    int fd;
    fsc_put("f", "data");
    fsc_helper *h = fsc_spawn("locker", NULL, FSC_SPAWN_EXEC);
    FSC_CHECK(sscanf(fsc_recv(h), "pid %ld", &pid) == 1);
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    struct flock fl = fsc_getlk(fd, 0, 0);
    fsc_obs("getlk_type", "%s", fsc_lock_type_name(fl.l_type));
    fsc_obs_bool("getlk_pid_is_helper", fl.l_type != F_UNLCK && (long)fl.l_pid == pid);
    fl = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET};
    fsc_obs_sys("probe_setlk", fcntl(fd, F_SETLK, &fl));
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"locker", locker}, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_exec_keeping_locks"); }
FSC_PROBE(probe)
#endif
