/*
 * lock.released_on_kill — fcntl, OFD and flock locks of a process killed with SIGKILL are released.
 *
 * Steps: create "a", "b" and "c"; an exec'd helper opens them read-write
 * and takes an fcntl F_SETLK write lock on the whole of "a", an OFD write
 * lock (F_OFD_SETLK, where the system has it) on the whole of "b" and
 * flock(LOCK_EX) on "c", then sends its pid and waits. The probe opens the
 * three files and tries the same locks without waiting ("fcntl_before",
 * "ofd_before", "flock_before": the baseline, refused), kills the helper
 * with SIGKILL and reaps it ("helper_end": SIGKILL), then tries again
 * ("fcntl_after_kill", "ofd_after_kill", "flock_after_kill"). Each is
 * granted, refused (EACCES, EAGAIN or EWOULDBLOCK) or an error's name.
 *
 * Why: a lock file is only safe if a crashed or killed holder cannot keep
 * it: with advisory kernel locks the kernel closes the dead process's
 * descriptors and the locks go with them, so a restarted daemon gets its
 * pid-file lock back at once (unlike an O_EXCL lock file, which stays until
 * someone removes it). Network file systems that keep locks on the server
 * release them only when the client notices.
 *
 * References: POSIX.1-2024 _Exit() ("All of the file descriptors ... open
 * in the calling process shall be closed"), fcntl() (closing releases the
 * process's locks); Linux fcntl(2), flock(2) (released when all
 * descriptors of the open file description are closed).
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
#ifndef F_OFD_SETLK
#define F_OFD_SETLK 0   /* no OFD locks: that file is not tried */
#endif
static const char *try_lock(const char *name, int cmd, int open_flags)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    int fd;
    FSC_CHECK((fd = open(name, O_RDWR | open_flags)) >= 0);
    int rc = cmd ? fcntl(fd, cmd, &fl) : flock(fd, LOCK_EX | LOCK_NB);
    if (rc == 0) return "granted";
    return errno == EACCES || errno == EAGAIN || errno == EWOULDBLOCK ? "refused"
                                                                       : fsc_errno_name(errno);
}

static int holder(const char *arg)
{
    (void)arg;
    FSC_CHECK(try_lock("a", F_SETLK, O_CLOEXEC)[0] == 'g');
    if (F_OFD_SETLK) FSC_CHECK(try_lock("b", F_OFD_SETLK, O_CLOEXEC)[0] == 'g');
    FSC_CHECK(try_lock("c", 0, O_CLOEXEC)[0] == 'g');
    fsc_send(NULL, "%ld", (long)getpid());
    fsc_expect(NULL, "end");   /* never comes: the probe kills this process */
    return 0;
}

static void try_all(const char *when)
{
    static const struct { const char *name, *file; int cmd; } kinds[] = {
        {"fcntl", "a", F_SETLK}, {"ofd", "b", F_OFD_SETLK}, {"flock", "c", 0}};
    char name[32];
    for (int i = 0; i < 3; i++) {
        if (kinds[i].name[0] == 'o' && !F_OFD_SETLK) continue;
        snprintf(name, sizeof name, "%s_%s", kinds[i].name, when);
        /* Left open on purpose: closing "a" would drop this process's own
         * fcntl locks, and the probe's descriptors end with it. */
        fsc_obs(name, "%s", try_lock(kinds[i].file, kinds[i].cmd, O_CLOEXEC));
    }
}

static void probe(void)
{
    long pid;
    fsc_put("a", "data");
    fsc_put("b", "data");
    fsc_put("c", "data");
    fsc_helper *h = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    FSC_CHECK(sscanf(fsc_recv(h), "%ld", &pid) == 1);
    try_all("before");
    FSC_CHECK(kill((pid_t)pid, SIGKILL) == 0);
    int st = fsc_wait(h);
    fsc_obs("helper_end", "%s", st == -SIGKILL ? "SIGKILL" : "other");
    try_all("after_kill");
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
