/*
 * lock.shared_two_processes — two processes hold a shared lock on the same range; neither may then take it exclusively.
 *
 * Steps: create "f"; open it read-write and take a shared lock on bytes
 * 0-9 (never waiting). An exec'd helper opens "f" read-write and takes a
 * shared lock on the same bytes ("helper_shared"), then asks for an
 * exclusive lock on them ("helper_excl"); the probe asks for an exclusive
 * lock on them too ("probe_excl"). Each is ok or the error's name.
 *
 * Why: readers that take a shared lock must not exclude each other (log
 * readers, SQLite's SHARED lock, a build cache read by many jobs), and a
 * reader that wants to write must wait until every other reader is gone.
 * The rule is the same for POSIX record locks and Windows LockFileEx; what
 * differs is only the error a refusal gives.
 *
 * References: POSIX.1-2024 fcntl() ("When a shared lock is set on a segment
 * of a file, other processes shall be able to set shared locks on that
 * segment"; a write lock is refused while another process holds a read
 * lock); LockFileEx (Win32: a shared lock "denies all
 * processes write access", "an exclusive lock cannot overlap an existing
 * locked region"),
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-lockfileex
 */
#include "fsc.h"

static int reader(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    fsc_obs_op("helper_shared", fsc_op_lock(fd, 0, 10, FSC_LOCK_SHARED));
    fsc_obs_op("helper_excl", fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
    fsc_send(NULL, "done");
    fsc_expect(NULL, "end");
    FSC_OK(fsc_op_close(fd));   /* releases what it holds (lock.released_on_close) */
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "0123456789");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_lock(fd, 0, 10, FSC_LOCK_SHARED));
    fsc_helper *h = fsc_spawn("reader", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "done");
    fsc_obs_op("probe_excl", fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
    fsc_send(h, "end");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE_HELPERS(probe, {"reader", reader})
