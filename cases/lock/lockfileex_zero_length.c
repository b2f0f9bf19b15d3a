/*
 * lock.lockfileex_zero_length — zero-length LockFile/LockFileEx locks: granted, and whether they conflict with ranges that span them.
 *
 * Steps: create "f" with 32 bytes and open it twice (handles A and B,
 * read|write, share read|write); every lock below is exclusive and fails
 * immediately (LockFile). Through A take an exclusive zero-length
 * lock at offset 100 ("zero_at_100"; past the end of the file, as in
 * Wine's test) and through B another exclusive zero-length lock at the
 * same offset ("other_zero_at_100"). Then, each failing immediately:
 * exclusive 98-101 through A ("same_spanning") and through B
 * ("other_spanning"), exclusive 90-99 through A ("same_adjacent_below"),
 * exclusive 100-109 through A ("same_starting_at"). Separately, through B
 * lock 200-209 exclusively and through A take a zero-length exclusive lock
 * at 205 ("zero_inside_other"). Skips on POSIX.
 *
 * Why: in fcntl a zero length means "to the end of the file, and beyond";
 * in Win32 it is a lock of no bytes at all that still exists and can still
 * conflict. A portable layer that maps fcntl's "0 = to EOF" onto LockFileEx
 * locks nothing on Windows, and a zero-length "marker" lock that a program
 * thinks is harmless can make its own later range locks fail.
 *
 * References: LockFileEx,
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * Wine dlls/kernel32/tests/file.c test_LockFile ("zero-byte lock");
 * POSIX.1-2024 fcntl() (l_len 0: to the largest possible offset)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

/* LockFile: an exclusive lock that never waits, as LockFileEx with
 * LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY. */
#define excl(h, off, len) LockFile((h), (off), 0, (len), 0)

static void probe(void)
{
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f"), b = fsc_win32_open_rw(L"f");
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
    fsc_obs_win32("zero_at_100", excl(a, 100, 0));
    fsc_obs_win32("other_zero_at_100", excl(b, 100, 0));
    fsc_obs_win32("same_spanning", excl(a, 98, 4));
    fsc_obs_win32("other_spanning", excl(b, 98, 4));
    fsc_obs_win32("same_adjacent_below", excl(a, 90, 10));
    fsc_obs_win32("same_starting_at", excl(a, 100, 10));
    FSC_CHECK(excl(b, 200, 10));
    fsc_obs_win32("zero_inside_other", excl(a, 205, 0));
    FSC_CHECK(CloseHandle(a) && CloseHandle(b));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
