/*
 * lock.wait_interrupted — a blocking lock wait (F_SETLKW, flock) ends with EINTR when a signal handler runs.
 *
 * Steps: create "a" and "b"; an exec'd helper opens them, takes an fcntl
 * write lock on the whole of "a" and flock(LOCK_EX) on "b", and says so.
 * The probe installs a SIGALRM handler without SA_RESTART and an interval
 * timer of 20 ms (it repeats, so a signal that lands before the call
 * blocks is followed by another), then waits: F_SETLKW for a write lock on
 * "a" ("fcntl_wait") and flock(LOCK_EX) on "b" ("flock_wait"); the timer
 * is stopped after each. Each is ok or the error's name.
 *
 * Why: the usual way to wait for a lock with a time limit is a blocking
 * lock call under alarm() (flock(1) -w, shell scripts, daemons without
 * F_SETLKW with a timeout, which POSIX lacks): it only works if the
 * wait ends with EINTR when the handler runs, instead of resuming.
 *
 * References: POSIX.1-2024 fcntl() (F_SETLKW: "If a signal is to be caught
 * while fcntl() is waiting for a region, fcntl() shall be interrupted";
 * [EINTR]); Linux flock(2) (EINTR "While waiting to acquire a lock, the
 * call was interrupted by delivery of a signal caught by a handler"),
 * signal(7) ("Interruption of system calls and library functions by signal
 * handlers"); util-linux flock(1) --timeout.
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/time.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
static void on_alarm(int sig) { (void)sig; }

static void ticking(int on)
{
    struct itimerval t = {{0, on ? 20000 : 0}, {0, on ? 20000 : 0}};
    FSC_CHECK(setitimer(ITIMER_REAL, &t, NULL) == 0);
}

static int holder(const char *arg)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    int a, b;
    (void)arg;
    FSC_CHECK((a = open("a", O_RDWR | O_CLOEXEC)) >= 0 && fcntl(a, F_SETLK, &fl) == 0);
    FSC_CHECK((b = open("b", O_RDWR | O_CLOEXEC)) >= 0 && flock(b, LOCK_EX) == 0);
    fsc_send(NULL, "locked");
    fsc_expect(NULL, "end");
    return 0;
}

static void probe(void)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    struct sigaction sa;
    int a, b;
    fsc_put("a", "data");
    fsc_put("b", "data");
    fsc_helper *h = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "locked");
    FSC_CHECK((a = open("a", O_RDWR | O_CLOEXEC)) >= 0 && (b = open("b", O_RDWR | O_CLOEXEC)) >= 0);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;   /* no SA_RESTART */
    FSC_CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
    ticking(1);
    fsc_obs_sys("fcntl_wait", fcntl(a, F_SETLKW, &fl));
    ticking(0);
    ticking(1);
    fsc_obs_sys("flock_wait", flock(b, LOCK_EX));
    ticking(0);
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(a) == 0 && close(b) == 0);
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
