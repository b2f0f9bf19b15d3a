/*
 * lock.lockfileex_access_rights — which access a handle needs for LockFileEx: read-only, write-only, append-only and attributes-only handles.
 *
 * Steps: create "f" with 32 bytes. For each handle kind, open "f" (share
 * read|write) and take an exclusive lock on a byte range of its own, then
 * a shared one on another (LockFileEx, fail immediately), reporting
 * `<kind>.exclusive` and `<kind>.shared`: "read" (GENERIC_READ), "write"
 * (GENERIC_WRITE), "append" (FILE_APPEND_DATA | SYNCHRONIZE) and
 * "attributes" (FILE_READ_ATTRIBUTES only). Skips on POSIX.
 *
 * Why: fcntl needs a descriptor open for writing for a write lock and for
 * reading for a read lock (lock.read_only_fd); Win32 asks only for read or
 * write access, whichever the lock kind. A portable lock layer that opens
 * read-only "because it only locks" works on Windows and fails with EBADF
 * on POSIX, and the reverse mapping wrongly refuses exclusive locks on
 * Windows; an attributes-only handle (what stat-like helpers open) cannot
 * lock at all.
 *
 * References: LockFileEx (hFile: "The handle must have been created with
 * either the GENERIC_READ or GENERIC_WRITE access right"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * POSIX.1-2024 fcntl() ([EBADF] for F_SETLK without matching access)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static void probe(void)
{
    static const struct {
        const char *name;
        DWORD access;
    } kinds[] = {{"read", GENERIC_READ},
                 {"write", GENERIC_WRITE},
                 {"append", FILE_APPEND_DATA | SYNCHRONIZE},
                 {"attributes", FILE_READ_ATTRIBUTES}};
    char name[48];
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    for (int i = 0; i < 4; i++) {
        OVERLAPPED ov = {0};
        HANDLE h = CreateFileW(L"f", kinds[i].access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                               OPEN_EXISTING, 0, NULL);
        FSC_CHECK(h != INVALID_HANDLE_VALUE);
        ov.Offset = (DWORD)(8 * i);
        snprintf(name, sizeof name, "%s.exclusive", kinds[i].name);
        fsc_obs_win32(name, LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 4,
                                       0, &ov));
        ov.Offset += 4;
        snprintf(name, sizeof name, "%s.shared", kinds[i].name);
        fsc_obs_win32(name, LockFileEx(h, LOCKFILE_FAIL_IMMEDIATELY, 0, 4, 0, &ov));
        FSC_CHECK(CloseHandle(h));
    }
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
