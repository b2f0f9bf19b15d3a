/*
 * lock.mandatory_io — ReadFile and WriteFile against a LockFileEx range held through another handle, exclusive and shared.
 *
 * Steps: create "f" with 32 bytes; open it twice for reading and writing
 * (handles A and B, share read|write); through A take an exclusive lock on
 * bytes 0-9 (LockFileEx, fail immediately); then read and write 4 bytes at
 * offset 0 through B ("b_read", "b_write"), at offset 20 through B
 * ("b_read_outside", "b_write_outside"), and at offset 0 through A
 * ("a_read", "a_write"). Unlock, take a shared lock on bytes 0-9 through A
 * and repeat the same six I/O calls. Each reports ok or the error.
 *
 * Why: Win32 byte-range locks are mandatory: a locked range refuses other
 * handles' reads and writes, even in the same process, where POSIX fcntl
 * and flock locks are advisory and never stop I/O. Databases and office
 * suites rely on this on Windows (SQLite's lock bytes, Access .ldb files);
 * ported code that locks a range and then reads it through a second handle
 * fails with ERROR_LOCK_VIOLATION only on Windows, and a shared lock even
 * refuses writes through the handle that holds it.
 *
 * References: LockFileEx (Remarks: an exclusive lock denies other handles
 * read and write access; a shared lock denies all processes write access,
 * the locking one included),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * ReadFile, WriteFile (a locked portion: the call fails)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>

static void io(const char *tag, const char *what, HANDLE h, int write, DWORD off)
{
    char name[48], buf[4] = {'x', 'x', 'x', 'x'};
    OVERLAPPED ov;
    DWORD n;
    memset(&ov, 0, sizeof ov);
    ov.Offset = off;
    snprintf(name, sizeof name, "%s.%s", tag, what);
    fsc_obs_win32(name, write ? WriteFile(h, buf, 4, &n, &ov) : ReadFile(h, buf, 4, &n, &ov));
}

static void one_case(const char *tag, HANDLE a, HANDLE b, DWORD flags)
{
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    FSC_CHECK(LockFileEx(a, flags | LOCKFILE_FAIL_IMMEDIATELY, 0, 10, 0, &ov));
    io(tag, "b_read", b, 0, 0);
    io(tag, "b_write", b, 1, 0);
    io(tag, "b_read_outside", b, 0, 20);
    io(tag, "b_write_outside", b, 1, 20);
    io(tag, "a_read", a, 0, 0);
    io(tag, "a_write", a, 1, 0);
    memset(&ov, 0, sizeof ov);
    FSC_CHECK(UnlockFileEx(a, 0, 10, 0, &ov));
}

static void probe(void)
{
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(a != INVALID_HANDLE_VALUE);
    HANDLE b = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(b != INVALID_HANDLE_VALUE);
    one_case("excl", a, b, LOCKFILE_EXCLUSIVE_LOCK);
    one_case("shared", a, b, 0);
    FSC_CHECK(CloseHandle(b));
    FSC_CHECK(CloseHandle(a));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
