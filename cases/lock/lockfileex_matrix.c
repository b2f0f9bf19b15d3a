/*
 * lock.lockfileex_matrix — LockFileEx over a range already locked: by the same handle or by another handle of the same process, each kind over each kind.
 *
 * Steps: for each cell (holder: the same handle or a second handle of the
 * same process; held: shared or exclusive; requested: shared or
 * exclusive), create "<cell>" with 32 bytes, open it twice (read|write,
 * share read|write), lock bytes 0-9 through handle A with the held kind
 * (LockFileEx, LOCKFILE_FAIL_IMMEDIATELY), then request bytes 5-14 with the
 * requested kind, fail immediately, through A ("same") or through B
 * ("other"), and report `<holder>.<held>_then_<requested>`. Skips on
 * POSIX.
 *
 * Why: Win32 locks belong to the handle, not the process: a second handle
 * in the same process conflicts like another process would, where POSIX
 * fcntl locks of one process never conflict with each other. And on one
 * handle the rule is not symmetric: a shared lock may be taken over the
 * handle's own exclusive lock, an exclusive one never over any lock. Code
 * ported from fcntl (SQLite's VFS, Samba's ntvfs, lock-file helpers) that
 * re-locks a range "upgrading" in place deadlocks or fails only here.
 *
 * References: LockFileEx (Remarks: "If the locking process opens the file a
 * second time, it cannot access the region through this second handle";
 * exclusive locks cannot overlap an existing locked region; a shared lock
 * can overlap an exclusive one held by the same handle),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * Wine dlls/kernel32/tests/file.c test_LockFile
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static BOOL lock(HANDLE h, DWORD kind, DWORD off, DWORD len)
{
    OVERLAPPED ov = {0};
    ov.Offset = off;
    return LockFileEx(h, kind | LOCKFILE_FAIL_IMMEDIATELY, 0, len, 0, &ov);
}

static void probe(void)
{
    static const char *const kind_name[] = {"shared", "excl"};
    static const DWORD kinds[] = {0, LOCKFILE_EXCLUSIVE_LOCK};
    char name[64];
    for (int other = 0; other < 2; other++)
        for (int held = 0; held < 2; held++)
            for (int req = 0; req < 2; req++) {
                snprintf(name, sizeof name, "%s.%s_then_%s", other ? "other" : "same",
                         kind_name[held], kind_name[req]);
                fsc_put(name, "0123456789abcdefghijklmnopqrstuv");
                wchar_t wname[64];
                swprintf(wname, 64, L"%hs", name);
                HANDLE a = CreateFileW(wname, GENERIC_READ | GENERIC_WRITE,
                                       FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                                       0, NULL);
                HANDLE b = CreateFileW(wname, GENERIC_READ | GENERIC_WRITE,
                                       FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                                       0, NULL);
                FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
                FSC_CHECK(lock(a, kinds[held], 0, 10));
                fsc_obs_win32(name, lock(other ? b : a, kinds[req], 5, 10));
                FSC_CHECK(CloseHandle(a) && CloseHandle(b));
            }
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
