/*
 * lock.lockfileex_wait_sync — LockFileEx without LOCKFILE_FAIL_IMMEDIATELY on a synchronous handle waits for the holder, then gets the range.
 *
 * Steps: create "f" with 32 bytes and open it twice (handles A and B,
 * read|write, share read|write, synchronous). Lock bytes 0-9 through A.
 * A second thread requests 0-9 exclusively through B without
 * LOCKFILE_FAIL_IMMEDIATELY. The probe waits for the thread's "about to
 * lock" event, then reports whether the thread has finished
 * ("waiter_before_unlock": waiting while A holds the range, or finished);
 * unlocks A; waits for the thread up to the runtime's deadline and reports
 * its result ("waiter_result") and whether A can lock 0-9 again, failing
 * immediately ("holder_relock": refused when the waiter now holds it).
 * Skips on POSIX.
 *
 * Why: this is F_SETLKW on Windows, the blocking lock most programs use
 * (database engines' writers, build tools serialising on a lock file). A
 * platform that returns at once, or never wakes the waiter, turns a
 * queue into a failure or a hang.
 *
 * References: LockFileEx (Remarks: without LOCKFILE_FAIL_IMMEDIATELY the
 * function waits until the lock is granted on a synchronous handle),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * POSIX.1-2024 fcntl() (F_SETLKW)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static HANDLE b, about_to_lock;
static DWORD waiter_error;

static DWORD WINAPI waiter(void *unused)
{
    OVERLAPPED ov = {0};
    (void)unused;
    SetEvent(about_to_lock);
    BOOL ok = LockFileEx(b, LOCKFILE_EXCLUSIVE_LOCK, 0, 10, 0, &ov);
    waiter_error = ok ? 0 : GetLastError();
    return 0;
}

static void probe(void)
{
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f");
    b = fsc_win32_open_rw(L"f");
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
    FSC_CHECK((about_to_lock = CreateEventW(NULL, TRUE, FALSE, NULL)) != NULL);
    FSC_CHECK(LockFile(a, 0, 0, 10, 0));
    HANDLE t = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    FSC_CHECK(t != NULL);
    FSC_CHECK(WaitForSingleObject(about_to_lock, (DWORD)fsc_deadline_ms()) == WAIT_OBJECT_0);
    fsc_obs("waiter_before_unlock", "%s",
            WaitForSingleObject(t, 0) == WAIT_OBJECT_0 ? "finished" : "waiting");
    FSC_CHECK(UnlockFile(a, 0, 0, 10, 0));
    if (WaitForSingleObject(t, (DWORD)fsc_deadline_ms()) != WAIT_OBJECT_0)
        fsc_fail("the waiting LockFileEx did not return within %d ms of the unlock", fsc_deadline_ms());
    fsc_obs("waiter_result", "%s", waiter_error ? fsc_win32_error_name(waiter_error) : "ok");
    fsc_obs_win32("holder_relock", LockFile(a, 0, 0, 10, 0));
    FSC_CHECK(CloseHandle(t) && CloseHandle(a) && CloseHandle(b) && CloseHandle(about_to_lock));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
