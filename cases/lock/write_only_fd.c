/*
 * lock.write_only_fd — shared and exclusive byte-range locks on a descriptor opened write-only.
 *
 * Steps: create "f"; open it for writing only; try a shared lock on byte 0
 * ("shared_lock"), then an exclusive lock on byte 1 ("excl_lock"), never
 * waiting. Each is ok or the error's name.
 *
 * Why: POSIX ties the lock type to the access mode: a read (shared) lock
 * needs a descriptor open for reading, so a writer that wants to let other
 * writers read while it appends (a shared lock on a log it only writes)
 * gets EBADF and must open the file read-write. Windows LockFileEx accepts
 * either kind on a handle with read or write access. The mirror case, an
 * exclusive lock on a read-only descriptor, is lock.read_only_fd.
 *
 * References: POSIX.1-2024 fcntl() ERRORS ([EBADF] "l_type, is a shared
 * lock (F_RDLCK), and fildes is not a valid file descriptor open for
 * reading"); LockFileEx (Win32: the handle "must have been created with
 * either the GENERIC_READ or GENERIC_WRITE access right"),
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-lockfileex
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "data");
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_ALL, &fd));
    fsc_obs_op("shared_lock", fsc_op_lock(fd, 0, 1, FSC_LOCK_SHARED));
    fsc_obs_op("excl_lock", fsc_op_lock(fd, 1, 1, FSC_LOCK_EXCL));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
