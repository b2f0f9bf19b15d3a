/*
 * lock.lockfileex_beyond_eof — LockFile ranges past the end of the file, up to the largest offset, and one that wraps around.
 *
 * Steps: create "f" with 4 bytes and open it twice (handles A and B,
 * read|write, share read|write). Through A, each exclusive and failing
 * immediately (LockFile): bytes 100-199, past the end ("past_eof"); offset 2^60
 * length 2^64-2^60+1, which wraps around ("wrapping"); the last byte of
 * the 64-bit range, offset 2^64-1 length 1 ("last_byte", unlocked again
 * when granted); offset 2^60 length 2^64-2^60, which ends exactly at 2^64
 * ("to_the_end"). Then through B:
 * bytes 150-159 ("other_past_eof") and 2^61 length 1 ("other_far"), which
 * lie inside A's locks. Finally write 1 byte at offset 120 through B
 * ("other_write_past_eof"). Skips on POSIX.
 *
 * Why: databases lock bytes far past the end of their files as a protocol
 * (SQLite's pending and reserved bytes sit at 1 GiB, whatever the file's
 * size), and "lock the whole file" is commonly written as offset 0 with
 * the largest length. Which ranges a platform accepts, and whether a lock
 * past EOF stops another handle extending the file there, decides whether
 * that protocol works.
 *
 * References: LockFileEx (Remarks: "Locking a region that goes beyond the
 * current end-of-file position is not an error"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * Wine dlls/kernel32/tests/file.c test_LockFile
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

/* LockFile: exclusive, never waiting (LockFileEx with LOCKFILE_EXCLUSIVE_LOCK
 * | LOCKFILE_FAIL_IMMEDIATELY), 64-bit offset and length in halves. */
static BOOL excl(HANDLE h, unsigned long long off, unsigned long long len)
{
    return LockFile(h, (DWORD)off, (DWORD)(off >> 32), (DWORD)len, (DWORD)(len >> 32));
}

static void probe(void)
{
    const unsigned long long p60 = 1ULL << 60;
    DWORD n = 0;
    fsc_put("f", "data");
    HANDLE a = fsc_win32_open_rw(L"f"), b = fsc_win32_open_rw(L"f");
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
    fsc_obs_win32("past_eof", excl(a, 100, 100));
    fsc_obs_win32("wrapping", excl(a, p60, 0 - p60 + 1));
    if (fsc_obs_win32("last_byte", excl(a, ~0ULL, 1))) FSC_CHECK(UnlockFile(a, ~0u, ~0u, 1, 0));
    fsc_obs_win32("to_the_end", excl(a, p60, 0 - p60));
    fsc_obs_win32("other_past_eof", excl(b, 150, 10));
    fsc_obs_win32("other_far", excl(b, 2 * p60, 1));
    FSC_CHECK(SetFilePointer(b, 120, NULL, FILE_BEGIN) == 120);
    fsc_obs_win32("other_write_past_eof", WriteFile(b, "x", 1, &n, NULL));
    FSC_CHECK(CloseHandle(a) && CloseHandle(b));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
