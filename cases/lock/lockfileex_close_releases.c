/*
 * lock.lockfileex_close_releases — closing one handle of a file releases that handle's LockFileEx locks and no others.
 *
 * Steps: create "f" with 32 bytes; open it three times in this process
 * (handles A, B, C; read|write, share read|write). Lock bytes 0-9 through
 * A and bytes 20-29 through B (exclusive, fail immediately). Close A. Then
 * through C, failing immediately, try bytes 0-9 ("closed_handle_range":
 * ok when A's lock went with A) and bytes 20-29 ("open_handle_range": B's
 * lock should still refuse it). Skips on POSIX.
 *
 * Why: this is the Windows side of POSIX's "closing any descriptor drops
 * all the process's locks" (lock.close_other_fd): Win32 locks belong to the
 * handle, so a library that opens and closes the same file behind the
 * application's back leaves the application's locks alone. Code ported
 * from Windows to fcntl loses that guarantee silently; code written for
 * fcntl that works around it (SQLite's deferred closes) does needless work
 * here.
 *
 * References: LockFileEx (Remarks: "If a process terminates with a portion
 * of a file locked or closes a file that has outstanding locks, the locks
 * are unlocked by the operating system"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * UnlockFileEx (Remarks); lock.close_other_fd for the POSIX rule
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f"), b = fsc_win32_open_rw(L"f"), c = fsc_win32_open_rw(L"f");
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE && c != INVALID_HANDLE_VALUE);
    FSC_CHECK(LockFile(a, 0, 0, 10, 0) && LockFile(b, 20, 0, 10, 0));
    FSC_CHECK(CloseHandle(a));
    fsc_obs_win32("closed_handle_range", LockFile(c, 0, 0, 10, 0));
    fsc_obs_win32("open_handle_range", LockFile(c, 20, 0, 10, 0));
    FSC_CHECK(CloseHandle(b) && CloseHandle(c));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
