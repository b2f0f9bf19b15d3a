/*
 * lock.flock_fcntl_independent — whether flock locks and fcntl record locks see each other.
 *
 * Steps: create "a" and "b"; the probe takes flock(LOCK_EX) on "a" and an
 * fcntl F_SETLK write lock on the whole of "b"; an exec'd helper opens both
 * files itself and tries the other kind of lock on each: an fcntl F_SETLK
 * write lock on "a", then flock(LOCK_EX|LOCK_NB) on "b", and reports both
 * results.
 *
 * Why: on Linux the two lock families are separate tables and never conflict,
 * so two programs guarding the same file with different calls (a shell
 * script using flock(1), a daemon using lockf/fcntl; Perl or Python code
 * picking one or the other) both "get" the lock. On the BSDs and macOS flock
 * is built on the same lock manager and they conflict; on Linux NFS (since
 * 2.6.12) and CIFS (since 5.5) flock is emulated with byte-range locks and
 * they conflict too.
 *
 * References: Linux flock(2) NOTES ("there is no interaction between the
 * types of lock placed by flock() and fcntl(2)"; "NFS details", "CIFS
 * details": emulated, they do interact); FreeBSD flock(2); not POSIX.
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
static int setlk_whole(int fd, short type)
{
    struct flock fl = {0};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    return fcntl(fd, F_SETLK, &fl);
}

static int other(const char *arg)
{
    int a, b;
    (void)arg;
    FSC_CHECK((a = open("a", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK((b = open("b", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_obs_sys("fcntl_on_flocked", setlk_whole(a, F_WRLCK));
    fsc_obs_sys("flock_on_fcntl_locked", flock(b, LOCK_EX | LOCK_NB));
    FSC_CHECK(close(a) == 0 && close(b) == 0);
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    int a, b;
    fsc_put("a", "data");
    fsc_put("b", "data");
    FSC_CHECK((a = open("a", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK((b = open("b", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(flock(a, LOCK_EX) == 0);
    FSC_CHECK(setlk_whole(b, F_WRLCK) == 0);
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(a) == 0 && close(b) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
