/*
 * lock.lockfileex_pending — a waiting LockFileEx on an overlapped handle: is it queued (ERROR_IO_PENDING) and granted when the holder unlocks?
 *
 * Steps: create "f" with 32 bytes; open it through handle A (read|write,
 * share read|write) and lock bytes 0-9 exclusively. Open it again through
 * handle B with FILE_FLAG_OVERLAPPED and request bytes 0-9 exclusively
 * WITHOUT LOCKFILE_FAIL_IMMEDIATELY, an event in the OVERLAPPED: report the
 * call ("request": ok or ERROR_IO_PENDING) and whether the event is
 * signalled right away ("event_before_unlock"). Unlock through A and try
 * to lock 0-9 through A again, failing immediately ("holder_relock":
 * refused means B's queued request got the range). Report the event
 * ("event_after_unlock": when the relock was refused, waited for up to the
 * runtime's deadline; otherwise looked at without waiting) and
 * GetOverlappedResult without waiting ("result"). Skips on POSIX.
 *
 * Why: this is Windows' F_SETLKW: the one way to wait for a range lock
 * without polling or blocking a thread, used by database engines and
 * Samba-style servers. A portable layer that treats FALSE from LockFileEx
 * as "refused" instead of "queued" abandons a request that the system
 * still grants later, leaving a lock nobody releases.
 *
 * References: LockFileEx (Remarks: on a handle opened for overlapped I/O
 * the function returns before the lock is granted, reporting
 * ERROR_IO_PENDING, and the event is signalled when it is),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * "Synchronous and Asynchronous I/O" (Microsoft Learn)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    OVERLAPPED ov = {0};
    DWORD n = 0;
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f");
    HANDLE b = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
    FSC_CHECK((ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL)) != NULL);
    FSC_CHECK(LockFile(a, 0, 0, 10, 0));
    fsc_obs_win32("request", LockFileEx(b, LOCKFILE_EXCLUSIVE_LOCK, 0, 10, 0, &ov));
    fsc_obs("event_before_unlock", "%s",
            WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0 ? "signalled" : "unsignalled");
    FSC_CHECK(UnlockFile(a, 0, 0, 10, 0));
    /* Refused: B's queued request holds the range now, and its event must
     * come; granted: nothing was queued, and no event is waited for. */
    BOOL relock = LockFile(a, 0, 0, 10, 0);
    fsc_obs_win32("holder_relock", relock);
    fsc_obs("event_after_unlock", "%s",
            WaitForSingleObject(ov.hEvent, relock ? 0 : (DWORD)fsc_deadline_ms()) == WAIT_OBJECT_0
                ? "signalled"
                : "unsignalled");
    fsc_obs_win32("result", GetOverlappedResult(b, &ov, &n, FALSE));
    FSC_CHECK(CloseHandle(a) && CloseHandle(b) && CloseHandle(ov.hEvent));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
