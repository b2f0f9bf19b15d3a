/*
 * lock.released_on_close — closing the handle that holds a byte-range lock releases it for another process.
 *
 * Steps: create "f"; open it read-write and take an exclusive lock on
 * bytes 0-9 (never waiting). An exec'd helper opens "f" and asks for an
 * exclusive lock on bytes 0-9 ("helper_before_close": the baseline, a lock
 * error), the probe closes its handle ("close"), and the helper asks again
 * ("helper_after_close"), releasing it if it got it. Each is ok or the
 * error's name.
 *
 * Why: programs rarely unlock explicitly before closing (and crash paths
 * never do): the lock must go with the handle, or a lock file stays locked
 * until the process exits. POSIX releases record locks at the close;
 * Windows releases them when the handle is closed, but documents that the
 * time this takes "depends upon available system resources", so the next
 * locker may still be refused for a moment.
 *
 * References: POSIX.1-2024 close() ("All outstanding record locks owned by
 * the process on the file associated with the file descriptor shall be
 * removed"); LockFileEx, UnlockFileEx (Win32, Remarks: "If a process ...
 * closes a file that has outstanding locks, the locks are unlocked by the
 * operating system. However, the time it takes for the operating system to
 * unlock these locks depends upon available system resources"),
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-unlockfileex
 */
#include "fsc.h"

static int other(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    fsc_obs_op("helper_before_close", fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
    fsc_send(NULL, "tried");
    fsc_expect(NULL, "closed");
    fsc_obs_op("helper_after_close", fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
    FSC_OK(fsc_op_close(fd));   /* releases it, as this probe shows */
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "0123456789");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "tried");
    fsc_obs_op("close", fsc_op_close(fd));
    fsc_send(h, "closed");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
