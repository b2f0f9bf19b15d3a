/*
 * lock.lockfileex_stacked — the same range locked twice by one handle: how many UnlockFileEx calls it takes, and which lock goes first.
 *
 * Steps: create "f" with 32 bytes and open it twice (handles A and B,
 * read|write, share read|write). Shared twice: lock bytes 0-9 shared
 * through A two times; unlock once and through B try an exclusive lock on
 * 0-9, failing immediately ("shared_twice.after_one_unlock": refused while
 * one shared lock is left); unlock again ("shared_twice.second_unlock")
 * and a third time ("shared_twice.third_unlock"). Exclusive then shared:
 * lock bytes 20-29 exclusively through A, then shared through A; unlock
 * once and through B try a shared lock on 20-29
 * ("excl_then_shared.after_one_unlock": ok when the exclusive lock went
 * first and only A's shared lock is left). Skips on POSIX.
 *
 * Why: Win32 locks stack: each successful lock needs its own unlock, and
 * when a handle holds an exclusive and a shared lock on the same range the
 * exclusive one is released first. fcntl locks on the same range simply
 * replace each other (one unlock frees everything). A reference-counting
 * lock layer built on one model leaks or drops locks on the other.
 *
 * References: LockFileEx, UnlockFileEx,
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-unlockfileex;
 * Wine dlls/kernel32/tests/file.c test_LockFile ("exclusive lock is
 * removed first"); POSIX.1-2024 fcntl() (a new lock replaces the
 * process's existing lock on the range)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static BOOL lock_shared(HANDLE h, DWORD off)
{
    OVERLAPPED ov = {0};
    ov.Offset = off;
    return LockFileEx(h, LOCKFILE_FAIL_IMMEDIATELY, 0, 10, 0, &ov);
}

static void probe(void)
{
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f"), b = fsc_win32_open_rw(L"f");
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
    FSC_CHECK(lock_shared(a, 0) && lock_shared(a, 0));
    FSC_CHECK(UnlockFile(a, 0, 0, 10, 0));
    BOOL got = LockFile(b, 0, 0, 10, 0);
    fsc_obs_win32("shared_twice.after_one_unlock", got);
    if (got) FSC_CHECK(UnlockFile(b, 0, 0, 10, 0));
    fsc_obs_win32("shared_twice.second_unlock", UnlockFile(a, 0, 0, 10, 0));
    fsc_obs_win32("shared_twice.third_unlock", UnlockFile(a, 0, 0, 10, 0));
    FSC_CHECK(LockFile(a, 20, 0, 10, 0) && lock_shared(a, 20));
    FSC_CHECK(UnlockFile(a, 20, 0, 10, 0));
    fsc_obs_win32("excl_then_shared.after_one_unlock", lock_shared(b, 20));
    FSC_CHECK(CloseHandle(a) && CloseHandle(b));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
