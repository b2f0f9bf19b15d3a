/*
 * lock.unlock_subrange — unlock the middle of a locked range: is it split, or must an unlock name the exact range?
 *
 * Steps: create "f"; open it read-write and take an exclusive lock on
 * bytes 0-29 (never waiting); unlock bytes 10-19 ("unlock_middle": ok or
 * the error's name). An exec'd helper opens "f" and asks for an exclusive
 * lock on byte 5 ("helper_left"), byte 15 ("helper_middle") and byte 25
 * ("helper_right"), releasing each one it gets.
 *
 * Why: POSIX record locks are byte sets: unlocking a middle part splits
 * the lock and frees exactly that part. Windows UnlockFileEx releases only
 * a range that exactly matches one earlier lock and refuses anything else,
 * so ported code that unlocks piecewise (a page cache releasing one page of
 * a locked extent, SQLite's unlock of the PENDING byte on POSIX) leaves the
 * whole range locked on Windows and must track its lock ranges itself.
 *
 * References: POSIX.1-2024 fcntl() (F_UNLCK on part of a locked segment
 * unlocks only those bytes); UnlockFileEx (Win32: "the region to unlock must
 * correspond exactly to an existing locked region"; ERROR_NOT_LOCKED),
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-unlockfileex
 */
#include "fsc.h"

static int other(const char *arg)
{
    static const struct { const char *name; long long at; } bytes[] = {
        {"helper_left", 5}, {"helper_middle", 15}, {"helper_right", 25}};
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    for (int i = 0; i < 3; i++) {
        int err = fsc_op_lock(fd, bytes[i].at, 1, FSC_LOCK_EXCL);
        fsc_obs_op(bytes[i].name, err);
        if (!err) FSC_OK(fsc_op_unlock(fd, bytes[i].at, 1));
    }
    FSC_OK(fsc_op_close(fd));
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "0123456789abcdefghijklmnopqrst");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_lock(fd, 0, 30, FSC_LOCK_EXCL));
    fsc_obs_op("unlock_middle", fsc_op_unlock(fd, 10, 10));
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC);
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE_HELPERS(probe, {"other", other})
