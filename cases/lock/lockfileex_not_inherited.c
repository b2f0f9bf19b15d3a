/*
 * lock.lockfileex_not_inherited — a child that inherits the locking handle does not inherit the lock.
 *
 * Steps: create "f" with 32 bytes and open it with an inheritable handle
 * (read|write, share read|write); lock bytes 0-9 exclusively. Start a
 * helper (the runtime's fsc_spawn, CreateProcessW with bInheritHandles
 * TRUE) and send it the handle value. Through the inherited handle the
 * helper tries, each failing immediately: an exclusive lock on 0-9
 * ("child_lock": refused when the lock is the parent's alone), UnlockFile
 * of 0-9 ("child_unlock"), and a 4-byte write at offset 0
 * ("child_write"). The probe then reports whether its own lock still
 * refuses a second handle ("parent_lock_held"). Skips on POSIX.
 *
 * Why: Windows locks belong to the handle AND the process: a child sharing
 * the very same file object cannot use or release its parent's lock, and
 * is itself locked out like any other process. Daemons that lock a PID
 * file and spawn workers, or that pass a locked database handle to a
 * child, find the child refused (where POSIX fcntl locks are not inherited
 * either, but flock locks are).
 *
 * References: LockFileEx (Remarks: "File locks are not inherited by
 * processes created by the locking process"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * FsRtlFastUnlockSingle (unlock matches the process),
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntifs/nf-ntifs-_fsrtl_advanced_fcb_header-fsrtlfastunlocksingle
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static int child(const char *arg)
{
    unsigned long long value;
    OVERLAPPED ov = {0};
    DWORD n = 0;
    (void)arg;
    if (sscanf(fsc_recv(NULL), "%llu", &value) != 1) return FSC_EXIT_BROKEN;
    HANDLE h = (HANDLE)(uintptr_t)value;
    BOOL got = LockFile(h, 0, 0, 10, 0);
    fsc_obs_win32("child_lock", got);
    if (got) FSC_CHECK(UnlockFile(h, 0, 0, 10, 0));
    fsc_obs_win32("child_unlock", UnlockFile(h, 0, 0, 10, 0));
    fsc_obs_win32("child_write", WriteFile(h, "abcd", 4, &n, &ov));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE h = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           &sa, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    FSC_CHECK(LockFile(h, 0, 0, 10, 0));
    fsc_helper *c = fsc_spawn("child", NULL, FSC_SPAWN_EXEC);
    fsc_send(c, "%llu", (unsigned long long)(uintptr_t)h);
    fsc_expect(c, "done");
    FSC_CHECK(fsc_wait(c) == 0);
    HANDLE other = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(other != INVALID_HANDLE_VALUE);
    BOOL got = LockFile(other, 0, 0, 10, 0);
    fsc_obs("parent_lock_held", "%s", got ? "released" : "held");
    FSC_CHECK(CloseHandle(other) && CloseHandle(h));
}

FSC_PROBE_HELPERS(probe, {"child", child})
#else
static void probe(void) { fsc_skip("no_win32"); }
FSC_PROBE(probe)
#endif
