/*
 * lock.fcntl_deadlock — two processes each waiting (F_SETLKW) for the other's record lock: is the deadlock detected?
 *
 * Steps: create "f"; the probe write-locks byte 0 (F_SETLK), an exec'd
 * helper write-locks byte 1 and says so. Then both ask F_SETLKW for the
 * other's byte at about the same time: whichever comes second closes the
 * cycle. A side whose F_SETLKW fails with EDEADLK releases the byte it
 * holds, which lets the other side's wait end. Each F_SETLKW runs under a
 * timer of the runtime's deadline (fsc_deadline_ms), so an undetected
 * deadlock ends in EINTR instead of a hang. Reports "edeadlk" = one, both
 * or none (how many of the two waits failed with EDEADLK) and "other_wait"
 * = the result of the wait that did not fail with EDEADLK (granted, or the
 * error's name; `none` when both did).
 *
 * Why: F_SETLKW between processes that lock in different orders is the
 * classic deadlock; POSIX lets the system detect it and Linux does for
 * record locks, so servers that retry on
 * EDEADLK (Samba, databases) make progress where otherwise both processes
 * hang forever. Code relying on the error hangs on systems or network file
 * systems without detection.
 *
 * References: POSIX.1-2024 fcntl() ([EDEADLK] "The cmd argument is
 * F_SETLKW, the lock is blocked by a lock from another process, and putting
 * the calling process to sleep to wait for that lock to become free would
 * cause a deadlock"); Linux fcntl(2) ERRORS (EDEADLK: "It was detected
 * that the specified F_SETLKW command would cause a deadlock") and BUGS
 * ("The deadlock-detection algorithm ... can yield both false negatives
 * and false positives").
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void on_alarm(int sig) { (void)sig; }

static int setlk(int fd, int cmd, short type, off_t byte)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = byte, .l_len = 1};
    return fcntl(fd, cmd, &fl);
}

/* F_SETLKW on `want`, bounded by the deadline; on EDEADLK drop `held`. */
static const char *wait_for(int fd, off_t want, off_t held)
{
    struct sigaction sa;
    struct itimerval t = {{0, 0}, {fsc_deadline_ms() / 1000, fsc_deadline_ms() % 1000 * 1000}};
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;   /* no SA_RESTART: the wait ends with EINTR */
    FSC_CHECK(sigaction(SIGALRM, &sa, NULL) == 0 && setitimer(ITIMER_REAL, &t, NULL) == 0);
    int rc = setlk(fd, F_SETLKW, F_WRLCK, want), e = errno;
    t.it_value.tv_sec = t.it_value.tv_usec = 0;
    FSC_CHECK(setitimer(ITIMER_REAL, &t, NULL) == 0);
    if (rc == 0) return "granted";
    if (e == EDEADLK) FSC_CHECK(setlk(fd, F_SETLK, F_UNLCK, held) == 0);
    return fsc_errno_name(e);
}

static int other(const char *arg)
{
    int fd;
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(setlk(fd, F_SETLK, F_WRLCK, 1) == 0);
    fsc_send(NULL, "locked");
    fsc_expect(NULL, "go");
    fsc_send(NULL, "%s", wait_for(fd, 0, 1));
    fsc_expect(NULL, "end");
    return 0;
}

static void probe(void)
{
    char mine[32], theirs[32];
    int fd;
    fsc_put("f", "data");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(setlk(fd, F_SETLK, F_WRLCK, 0) == 0);
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "locked");
    fsc_send(h, "go");
    strcpy(mine, wait_for(fd, 1, 0));
    strncpy(theirs, fsc_recv(h), sizeof theirs - 1);
    theirs[sizeof theirs - 1] = 0;
    int dm = strcmp(mine, "EDEADLK") == 0, dt = strcmp(theirs, "EDEADLK") == 0;
    fsc_obs("edeadlk", "%s", dm && dt ? "both" : dm || dt ? "one" : "none");
    fsc_obs("other_wait", "%s", dm && dt ? "none" : dm ? theirs : mine);
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
