/*
 * lock.lockfileex_exit_releases — LockFileEx locks of a process that exits without unlocking or closing.
 *
 * Steps: create "f" with 32 bytes and open it (read|write, share
 * read|write). A helper process opens "f" the same way, locks bytes 0-9
 * exclusively and reports; the probe tries 0-9 (failing immediately,
 * "while_alive": refused). The helper then exits without unlocking or
 * closing; the probe waits for it (the runtime's deadline) and tries again
 * ("after_exit"). Skips on POSIX.
 *
 * Why: a crashed holder must not lock a database for ever; Windows
 * promises the release but not when ("depends upon available system
 * resources"), so a program that retries once right after noticing the
 * holder's death may still be refused. What a platform does at the moment
 * the holder is known dead is the observation.
 *
 * References: LockFileEx (Remarks: "If a process terminates with a portion
 * of a file locked ... the locks are unlocked by the operating system.
 * However, the time it takes for the operating system to unlock these
 * locks depends upon available system resources"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static int holder(const char *arg)
{
    (void)arg;
    FSC_CHECK(LockFile(fsc_win32_open_rw(L"f"), 0, 0, 10, 0));
    fsc_send(NULL, "locked");
    fsc_expect(NULL, "exit");
    return 0;   /* exits holding the lock and the handle */
}

static void probe(void)
{
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE h = fsc_win32_open_rw(L"f");
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_helper *c = fsc_spawn("holder", NULL, FSC_SPAWN_EXEC);
    fsc_expect(c, "locked");
    fsc_obs_win32("while_alive", LockFile(h, 0, 0, 10, 0));
    fsc_send(c, "exit");
    FSC_CHECK(fsc_wait(c) == 0);
    fsc_obs_win32("after_exit", LockFile(h, 0, 0, 10, 0));
    FSC_CHECK(CloseHandle(h));
}

FSC_PROBE_HELPERS(probe, {"holder", holder})
#else
static void probe(void) { fsc_skip("no_win32"); }
FSC_PROBE(probe)
#endif
