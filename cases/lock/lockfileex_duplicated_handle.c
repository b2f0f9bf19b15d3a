/*
 * lock.lockfileex_duplicated_handle — a LockFileEx lock seen through a DuplicateHandle copy of the locking handle: same owner or another?
 *
 * Steps: create "f" with 32 bytes, open it (handle A, read|write, share
 * read|write) and duplicate A with DuplicateHandle (same access) into D.
 * Lock bytes 0-9 exclusively through A. Through D, failing immediately:
 * a shared lock on 0-9 ("dup_shared_over": a second owner is refused, the
 * same owner may stack a shared lock over its exclusive one), then an
 * exclusive lock on 20-29 and, through A, UnlockFile of 20-29
 * ("unlock_dup_lock_via_original"). Then UnlockFile 0-9 through D
 * ("unlock_via_dup"), and read 4 bytes at offset 0 through a third handle
 * C ("third_handle_read": ok when nothing is locked any more). Skips on
 * POSIX.
 *
 * Why: a duplicated handle refers to the same file object, and NT keys
 * byte-range locks on the file object (and process), so a duplicate is the
 * same lock owner: it can unlock what the original locked. Runtimes that
 * duplicate handles for their own bookkeeping (CRT _dup, .NET SafeHandle,
 * Python os.dup on Windows) share locks between the copies, like fcntl
 * does within one process, unlike OFD or flock locks on two opens.
 *
 * References: DuplicateHandle (Remarks: the duplicate refers to the same
 * object), https://learn.microsoft.com/en-us/windows/win32/api/handleapi/nf-handleapi-duplicatehandle;
 * LockFileEx, UnlockFileEx (the lock belongs to the file handle);
 * FsRtlFastUnlockSingle (matches file object and process),
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntifs/nf-ntifs-_fsrtl_advanced_fcb_header-fsrtlfastunlocksingle
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    OVERLAPPED ov = {0};
    char buf[4];
    DWORD n = 0;
    HANDLE d, self = GetCurrentProcess();
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f");
    HANDLE c = CreateFileW(L"f", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, 0, NULL);
    FSC_CHECK(a != INVALID_HANDLE_VALUE && c != INVALID_HANDLE_VALUE);
    FSC_CHECK(DuplicateHandle(self, a, self, &d, 0, FALSE, DUPLICATE_SAME_ACCESS));
    FSC_CHECK(LockFile(a, 0, 0, 10, 0));
    BOOL shared = LockFileEx(d, LOCKFILE_FAIL_IMMEDIATELY, 0, 10, 0, &ov);
    fsc_obs_win32("dup_shared_over", shared);
    if (shared) FSC_CHECK(UnlockFileEx(d, 0, 10, 0, &ov));
    FSC_CHECK(LockFile(d, 20, 0, 10, 0));
    fsc_obs_win32("unlock_dup_lock_via_original", UnlockFile(a, 20, 0, 10, 0));
    fsc_obs_win32("unlock_via_dup", UnlockFile(d, 0, 0, 10, 0));
    fsc_obs_win32("third_handle_read", ReadFile(c, buf, sizeof buf, &n, NULL));
    FSC_CHECK(CloseHandle(a) && CloseHandle(d) && CloseHandle(c));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
