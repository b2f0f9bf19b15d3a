/*
 * lock.close_other_fd — close another descriptor of a file on which this process holds a lock.
 *
 * Steps: create "f"; open it (fd1) and take an exclusive byte-range lock on
 * byte 0 through fd1; a helper process opens "f" and tries a conflicting
 * exclusive lock (never waiting) and reports the result (the baseline: a
 * lock error while the lock is held); open "f" again in the probe (fd2) and
 * close fd2; the helper tries again and reports (held: a lock error;
 * released: ok).
 *
 * Why: POSIX record locks belong to the (process, file) pair, and closing ANY
 * descriptor of the file drops all of the process's locks on it — so a
 * library that opens and closes the database file behind the application's
 * back (an `stat`-and-read helper, a second connection) silently unlocks it
 * and lets another process corrupt it. SQLite works around it with a global
 * inode table and deferred closes. On Windows (LockFileEx) and with OFD or
 * flock locks the lock belongs to the handle and survives.
 *
 * References: POSIX.1-2024 fcntl() ("All locks associated with a file for a
 * given process shall be removed when a file descriptor for that file is
 * closed by that process"), close(); fcntl(2) "the bugs" in Linux man-pages;
 * https://www.sqlite.org/lockingv3.html section 6.0 "How To Corrupt";
 * LockFileEx (Win32).
 */
#include "fsc.h"

static int locker(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    for (;;) {
        const char *cmd = fsc_recv(NULL);
        if (cmd[0] != 't') break;   /* "try" */
        int err = fsc_op_lock(fd, 0, 1, FSC_LOCK_EXCL);
        if (!err) FSC_OK(fsc_op_unlock(fd, 0, 1));
        fsc_send(NULL, "%s", err ? fsc_op_errname(err) : "ok");
    }
    FSC_OK(fsc_op_close(fd));
    return 0;
}

static void probe(void)
{
    fsc_fd fd1, fd2;
    fsc_put("f", "data");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd1));
    FSC_OK(fsc_op_lock(fd1, 0, 1, FSC_LOCK_EXCL));
    fsc_helper *h = fsc_spawn("locker", NULL, FSC_SPAWN_EXEC);
    fsc_send(h, "try");
    fsc_obs("helper_lock_before", "%s", fsc_recv(h));
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd2));
    fsc_obs_op("close_other", fsc_op_close(fd2));
    fsc_send(h, "try");
    fsc_obs("helper_lock_after_close", "%s", fsc_recv(h));
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_OK(fsc_op_close(fd1));
}

FSC_PROBE_HELPERS(probe, {"locker", locker})
