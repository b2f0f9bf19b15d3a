/*
 * lock.unlock_not_held — unlock a byte range that holds no lock, and unlock a range twice.
 *
 * Steps: create "f"; open it read-write and lock bytes 0-9 exclusively
 * (never waiting); unlock bytes 20-29, never locked
 * ("unlock_never_locked"); unlock bytes 0-9 ("unlock_locked") and unlock
 * them again ("unlock_again"). Each is ok or the error's name.
 *
 * Why: POSIX treats an unlock as "make these bytes unlocked", which always
 * succeeds; Windows UnlockFileEx fails with ERROR_NOT_LOCKED when no such
 * lock exists. Cleanup code that unlocks "just in case" (error paths,
 * destructors that unlock whatever might be held) succeeds on POSIX and
 * reports an error on Windows, and code that treats that error as fatal
 * breaks only there.
 *
 * References: POSIX.1-2024 fcntl() (F_UNLCK "removes" locks; no error is
 * listed for an unlock of unlocked bytes); UnlockFileEx (Win32: fails if
 * the range is not locked), https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-unlockfileex;
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-
 * (ERROR_NOT_LOCKED, 158).
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "0123456789");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
    fsc_obs_op("unlock_never_locked", fsc_op_unlock(fd, 20, 10));
    fsc_obs_op("unlock_locked", fsc_op_unlock(fd, 0, 10));
    fsc_obs_op("unlock_again", fsc_op_unlock(fd, 0, 10));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
