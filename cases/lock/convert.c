/*
 * lock.convert — upgrade a shared lock to exclusive in place, downgrade it back, and a refused upgrade: fcntl, OFD, flock.
 *
 * Steps: create "f"; an exec'd helper opens it. For each kind of lock
 * (`fcntl`: F_SETLK on bytes 0-9; `ofd`: F_OFD_SETLK on bytes 0-9, where the
 * system has it; `flock`: the whole file, LOCK_NB), open "f" read-write and
 * take a shared lock, then: ask for an exclusive lock through the same
 * descriptor ("upgrade"); the helper tries a shared lock
 * ("other_shared_after_upgrade"); ask for a shared lock again
 * ("downgrade"); the helper takes a shared lock and keeps it
 * ("other_shared_after_downgrade"); ask for the exclusive lock again while
 * the helper holds its shared one ("upgrade_contended"); the helper unlocks
 * and tries an exclusive lock ("other_excl_after_failed_upgrade": refused
 * when the probe still holds its shared lock, granted when the refused
 * upgrade lost it); close. Each is `kind.step` = granted, refused (EACCES,
 * EAGAIN or EWOULDBLOCK) or an error's name.
 *
 * Why: readers-writer protocols (SQLite's SHARED -> RESERVED -> EXCLUSIVE,
 * Berkeley DB, mail spools) take a shared lock and upgrade it in place; they
 * rely on the conversion being atomic and on a refused upgrade keeping the
 * shared lock, so they can retry without having let a writer in. POSIX
 * requires that of record locks; flock converts by removing the old lock
 * first, so a reader whose LOCK_EX|LOCK_NB failed may go on reading with no
 * lock at all.
 *
 * References: POSIX.1-2024 fcntl() ("the previous lock type for each byte
 * in the specified region shall be replaced by the new lock type"; F_SETLK:
 * "If a shared or exclusive lock cannot be set, fcntl() shall return
 * immediately"); Linux fcntl(2) "Open file description locks" (same
 * semantics as record locks apart from ownership); Linux flock(2)
 * ("Converting a lock ... is not guaranteed to be atomic: the existing lock
 * is first removed, and then a new lock is established"); SQLite
 * src/os_unix.c unixLock.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
enum { SH, EX, UN };
#ifdef F_OFD_SETLK
static const struct { const char *name; int cmd; } kinds[] = {
    {"fcntl", F_SETLK}, {"ofd", F_OFD_SETLK}, {"flock", 0}};
#else
static const struct { const char *name; int cmd; } kinds[] = {{"fcntl", F_SETLK}, {"flock", 0}};
#endif

static const char *lk(int kind, int fd, int how)
{
    int rc;
    if (kinds[kind].cmd == 0) {
        rc = flock(fd, (how == SH ? LOCK_SH : how == EX ? LOCK_EX : LOCK_UN) | LOCK_NB);
    } else {
        struct flock fl = {.l_type = how == SH ? F_RDLCK : how == EX ? F_WRLCK : F_UNLCK,
                           .l_whence = SEEK_SET, .l_len = 10};
        rc = fcntl(fd, kinds[kind].cmd, &fl);
    }
    if (rc == 0) return "granted";
    return errno == EACCES || errno == EAGAIN || errno == EWOULDBLOCK ? "refused"
                                                                       : fsc_errno_name(errno);
}

/* Commands: "try KIND HOW" (lock and release), "hold KIND HOW" (lock and keep). */
static int other(const char *arg)
{
    int fd, kind, how;
    char cmd[8];
    (void)arg;
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_send(NULL, "ready");
    while (sscanf(fsc_recv(NULL), "%7s %d %d", cmd, &kind, &how) == 3) {
        const char *r = lk(kind, fd, how);
        if (cmd[0] == 't') FSC_CHECK(lk(kind, fd, UN)[0] == 'g');
        fsc_send(NULL, "%s", r);
    }
    FSC_CHECK(close(fd) == 0);
    return 0;
}

static void step(const char *kind, const char *what, const char *result)
{
    char name[64];
    snprintf(name, sizeof name, "%s.%s", kind, what);
    fsc_obs(name, "%s", result);
}

static void probe(void)
{
    fsc_put("f", "0123456789");
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "ready");
    for (int k = 0; k < (int)(sizeof kinds / sizeof kinds[0]); k++) {
        const char *n = kinds[k].name;
        int fd;
        FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
        FSC_CHECK(lk(k, fd, SH)[0] == 'g');
        step(n, "upgrade", lk(k, fd, EX));
        fsc_send(h, "try %d %d", k, SH);
        step(n, "other_shared_after_upgrade", fsc_recv(h));
        step(n, "downgrade", lk(k, fd, SH));
        fsc_send(h, "hold %d %d", k, SH);
        step(n, "other_shared_after_downgrade", fsc_recv(h));
        step(n, "upgrade_contended", lk(k, fd, EX));
        fsc_send(h, "hold %d %d", k, UN);
        FSC_CHECK(strcmp(fsc_recv(h), "granted") == 0);
        fsc_send(h, "try %d %d", k, EX);
        step(n, "other_excl_after_failed_upgrade", fsc_recv(h));
        FSC_CHECK(close(fd) == 0);
    }
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
