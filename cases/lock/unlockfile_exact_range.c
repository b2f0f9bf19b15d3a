/*
 * lock.unlockfile_exact_range — UnlockFile with a range other than the one locked: a sub-range, a super-range, two adjacent locks at once.
 *
 * Steps: create "f" with 64 bytes and open it (read|write, share
 * read|write), plus a second handle B. Lock bytes 10-29 (LockFile) and
 * report UnlockFile of bytes 10-19 ("sub_range"), of 5-34
 * ("super_range"), of 10-29 through B ("other_handle"), of 10-29
 * ("exact") and of 10-29 again ("exact_again"). Then lock 40-44 and 45-49
 * and report UnlockFile of 40-49 ("both_adjacent"), then of 40-44 and
 * 45-49 one by one ("first_adjacent", "second_adjacent"). Skips on POSIX.
 *
 * Why: POSIX unlocks any sub-range and splits the lock; Win32 unlocks only
 * a range exactly as it was locked, by the handle that locked it, and
 * reports ERROR_NOT_LOCKED otherwise, leaving the lock in place. A portable
 * lock layer that unlocks "the rest of the file" or merges adjacent locks
 * (as fcntl does) leaks locks on Windows, and the file stays locked until
 * the handle closes.
 *
 * References: UnlockFile (Remarks: "Unlocking a region of a file releases a
 * previously acquired lock on the file. The region to unlock must
 * correspond exactly to an existing locked region. Two adjacent regions of
 * a file cannot be locked separately and then unlocked using a single
 * region that spans both locked regions"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-unlockfile;
 * Wine dlls/kernel32/tests/file.c test_LockFile
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f"), b = fsc_win32_open_rw(L"f");
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
    FSC_CHECK(LockFile(a, 10, 0, 20, 0));
    fsc_obs_win32("sub_range", UnlockFile(a, 10, 0, 10, 0));
    fsc_obs_win32("super_range", UnlockFile(a, 5, 0, 30, 0));
    fsc_obs_win32("other_handle", UnlockFile(b, 10, 0, 20, 0));
    fsc_obs_win32("exact", UnlockFile(a, 10, 0, 20, 0));
    fsc_obs_win32("exact_again", UnlockFile(a, 10, 0, 20, 0));
    FSC_CHECK(LockFile(a, 40, 0, 5, 0) && LockFile(a, 45, 0, 5, 0));
    fsc_obs_win32("both_adjacent", UnlockFile(a, 40, 0, 10, 0));
    fsc_obs_win32("first_adjacent", UnlockFile(a, 40, 0, 5, 0));
    fsc_obs_win32("second_adjacent", UnlockFile(a, 45, 0, 5, 0));
    FSC_CHECK(CloseHandle(a) && CloseHandle(b));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
