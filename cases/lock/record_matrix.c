/*
 * lock.record_matrix — which fcntl F_SETLK and F_OFD_SETLK requests a held lock refuses: type × type × who × range.
 *
 * Steps: create "f" and open it twice read-write (fd1, fd2: two open file
 * descriptions); an exec'd helper opens it too. For each kind of lock
 * (`fcntl`: F_SETLK, a process's record lock; `ofd`: F_OFD_SETLK, an open
 * file description's lock, where the system has it) and each cell: take a
 * lock of the held type (read or write) on bytes 0-9 through fd1, then ask
 * (never waiting) for a lock of the same kind and the asked type on bytes
 * 5-14 (overlapping) or 10-19 (adjacent) through fd1 itself, through fd2
 * (same process, other open) or from the helper (other process); report
 * `kind.held.asked.who.range` = granted, refused (EACCES or EAGAIN: the
 * conflict errors) or another error's name; then unlock the whole file
 * through fd1 and fd2 (the helper its own).
 *
 * Why: a record lock conflicts only with another process's lock, only where
 * the ranges share a byte, and only if one of them is a write lock; within a
 * process a request never conflicts but replaces the process's own lock,
 * through any descriptor, so two threads or modules of one program that
 * "lock" a file get no protection from each other (SQLite's unix VFS calls
 * them "broken by design"), and code ported from Windows, where a second
 * handle's lock conflicts, silently loses its mutual exclusion. OFD locks
 * keep the ranges and types but belong to the open: a second open in the
 * same process conflicts like another process.
 *
 * References: POSIX.1-2024 fcntl() (F_SETLK; a read lock keeps other
 * processes from a write lock, a write lock from any lock; a request
 * replaces the process's own locks on the range; [EACCES] or [EAGAIN]);
 * Linux fcntl(2) "Advisory record locking" and "Open file description locks
 * (non-POSIX)" (since 3.15); https://austingroupbugs.net/view.php?id=768;
 * SQLite src/os_unix.c ("POSIX advisory locks are broken by design").
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "fsc_posix.h"
#endif
#include "fsc.h"

#ifndef _WIN32
#ifdef F_OFD_SETLK
static const struct { const char *name; int cmd; } kinds[] = {
    {"fcntl", F_SETLK}, {"ofd", F_OFD_SETLK}};
#else
static const struct { const char *name; int cmd; } kinds[] = {{"fcntl", F_SETLK}};
#endif

static const char *setlk(int kind, int fd, short type, off_t start, off_t len)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    if (fcntl(fd, kinds[kind].cmd, &fl) == 0) return "granted";
    return errno == EACCES || errno == EAGAIN ? "refused" : fsc_errno_name(errno);
}

/* Request "KIND TYPE START": that lock on 10 bytes from START, then unlock all. */
static const char *ask(int fd, const char *request)
{
    int kind, type, start;
    FSC_CHECK(sscanf(request, "%d %d %d", &kind, &type, &start) == 3);
    const char *r = setlk(kind, fd, (short)type, start, 10);
    FSC_CHECK(setlk(kind, fd, F_UNLCK, 0, 0)[0] == 'g');
    return r;
}

static int asker(const char *arg)
{
    (void)arg;
    return fsc_lock_asker(ask);
}

static void probe(void)
{
    static const struct { const char *name; short type; } types[] = {
        {"shared", F_RDLCK}, {"excl", F_WRLCK}};
    static const char *const whos[] = {"same_fd", "other_fd", "other_process"};
    static const struct { const char *name; off_t start; } ranges[] = {
        {"overlap", 5}, {"adjacent", 10}};
    fsc_lock_matrix m;
    fsc_put("f", "0123456789abcdefghij");
    fsc_lock_matrix_start(&m, ask);
    for (int k = 0; k < (int)(sizeof kinds / sizeof kinds[0]); k++)
        for (int cell = 0; cell < 2 * 2 * 3 * 2; cell++) {
            int held = cell / 12, asked = cell / 6 % 2, who = cell / 2 % 3, r = cell % 2;
            char name[64];
            FSC_CHECK(setlk(k, m.fd[0], types[held].type, 0, 10)[0] == 'g');
            const char *res = fsc_lock_matrix_ask(&m, who, "%d %d %d", k, types[asked].type,
                                                  (int)ranges[r].start);
            snprintf(name, sizeof name, "%s.%s.%s.%s.%s", kinds[k].name, types[held].name,
                     types[asked].name, whos[who], ranges[r].name);
            fsc_obs(name, "%s", res);
            FSC_CHECK(setlk(k, m.fd[0], F_UNLCK, 0, 0)[0] == 'g');
            FSC_CHECK(setlk(k, m.fd[1], F_UNLCK, 0, 0)[0] == 'g');
        }
    fsc_lock_matrix_end(&m);
}

FSC_PROBE_HELPERS(probe, {"asker", asker})
#else
static void probe(void) { fsc_skip("no_fcntl_locks"); }
FSC_PROBE(probe)
#endif
