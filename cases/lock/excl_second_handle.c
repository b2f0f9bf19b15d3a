/*
 * lock.excl_second_handle — an exclusive byte-range lock asked through a second handle of the same process, and from another process.
 *
 * Steps: create "f" (16 bytes); open it read-write twice (h1, h2) and take
 * an exclusive lock on all of it (bytes 0-15) through h1 (never waiting).
 * Ask for an exclusive lock on the same bytes through h2
 * ("second_handle"); an exec'd helper opens "f" and asks for the same
 * ("other_process"). Each is ok or the error's name. The range is the
 * whole file so that libraries whose locks cover only whole files (APR,
 * Rust's File::lock) answer the same question as byte-range APIs.
 *
 * Why: on Windows a byte-range lock belongs to the handle, so a second
 * handle of the same process is refused like another process; a POSIX
 * record lock belongs to the process, so the second descriptor is granted
 * (it merges with the process's own lock) and only another process is
 * refused. A program that uses two handles of one file as two lockers —
 * a connection pool, two library instances — is protected on Windows and
 * not on POSIX.
 *
 * References: POSIX.1-2024 fcntl() (locks are per process: a request
 * replaces the process's own locks); LockFileEx (Win32: a lock is
 * per handle; LOCKFILE_FAIL_IMMEDIATELY fails with ERROR_LOCK_VIOLATION),
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * Wine dlls/kernel32/tests/file.c test_LockFile.
 */
#include "fsc.h"

static int other(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    int err = fsc_op_lock(fd, 0, 16, FSC_LOCK_EXCL);
    fsc_obs_op("other_process", err);
    if (!err) FSC_OK(fsc_op_unlock(fd, 0, 16));
    FSC_OK(fsc_op_close(fd));
    return 0;
}

static void probe(void)
{
    fsc_fd h1, h2;
    fsc_put("f", "0123456789abcdef");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &h1));
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &h2));
    FSC_OK(fsc_op_lock(h1, 0, 16, FSC_LOCK_EXCL));
    fsc_obs_op("second_handle", fsc_op_lock(h2, 0, 16, FSC_LOCK_EXCL));
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_OK(fsc_op_close(h2));
    FSC_OK(fsc_op_close(h1));
}

FSC_PROBE_HELPERS(probe, {"other", other})
