/*
 * lock.read_only_fd — exclusive and shared byte-range locks on a descriptor opened read-only.
 *
 * Steps: create "f"; open it for reading only; try an exclusive lock on
 * byte 0 (reports the result), then a shared lock on byte 0 (reports the
 * result).
 *
 * Why: POSIX ties the lock type to the access mode — a write (exclusive)
 * lock needs a descriptor open for writing, a read lock one open for reading
 * — so a reader that "just wants exclusive access" must open the file
 * read-write (and so needs write permission, and fails on read-only media).
 * Windows LockFileEx takes either kind on any handle. Portable code that
 * locks a read-only file exclusively works on Windows and fails with EBADF
 * on POSIX.
 *
 * References: POSIX.1-2024 fcntl() (EBADF: "the type of lock, l_type, is a
 * write lock (F_WRLCK), and fildes is not a valid file descriptor open for
 * writing"); LockFileEx (Win32); Linux fcntl(2) ERRORS.
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "data");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd));
    fsc_obs_op("excl_lock", fsc_op_lock(fd, 0, 1, FSC_LOCK_EXCL));
    fsc_obs_op("shared_lock", fsc_op_lock(fd, 0, 1, FSC_LOCK_SHARED));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
