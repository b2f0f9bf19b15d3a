/*
 * lock.beyond_eof — an exclusive byte-range lock on bytes far past the end of the file, and another process asking for them.
 *
 * Steps: create "f" with 4 bytes; open it read-write and take an exclusive
 * lock on bytes 1000000-1000009 (never waiting; "lock_past_eof"). An
 * exec'd helper opens "f" and asks for an exclusive lock on bytes
 * 1000005-1000014 ("helper_overlap") and on bytes 2000000-2000009
 * ("helper_elsewhere"), releasing each one it gets. Each is ok or the
 * error's name.
 *
 * Why: lock bytes that hold no data are the usual way to build a lock
 * protocol on a file without blocking I/O on its contents: SQLite locks
 * bytes at 1 GiB (its PENDING, RESERVED and SHARED bytes) on every
 * platform, whatever the database's size. That only works where a lock
 * past the end of the file is allowed and conflicts like any other.
 *
 * References: POSIX.1-2024 fcntl() ("Locks may start and extend beyond the
 * current end of a file, but shall not extend before the beginning");
 * LockFileEx (Win32: "Locking a region that goes beyond the current
 * end-of-file position is not an error"),
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * SQLite src/os.h (PENDING_BYTE 0x40000000).
 */
#include "fsc.h"

static int other(const char *arg)
{
    static const struct { const char *name; long long at; } ranges[] = {
        {"helper_overlap", 1000005}, {"helper_elsewhere", 2000000}};
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    for (int i = 0; i < 2; i++) {
        int err = fsc_op_lock(fd, ranges[i].at, 10, FSC_LOCK_EXCL);
        fsc_obs_op(ranges[i].name, err);
        if (!err) FSC_OK(fsc_op_unlock(fd, ranges[i].at, 10));
    }
    FSC_OK(fsc_op_close(fd));
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "data");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    int err = fsc_op_lock(fd, 1000000, 10, FSC_LOCK_EXCL);
    fsc_obs_op("lock_past_eof", err);
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    FSC_CHECK(fsc_wait(h) == 0);
    if (!err) FSC_OK(fsc_op_unlock(fd, 1000000, 10));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE_HELPERS(probe, {"other", other})
