/*
 * time.filetime_suspend — whether SetFileTime with {0xFFFFFFFF,0xFFFFFFFF} stops a handle's writes from updating the write time.
 *
 * Steps: create "suspended" and "plain"; set their access and modification
 * times to 2001-09-09T01:46:40Z and wait until the clock has passed their
 * times (fsc_times_setup); open each with GENERIC_WRITE |
 * FILE_WRITE_ATTRIBUTES; on "suspended" call SetFileTime with
 * {0xFFFFFFFF,0xFFFFFFFF} as the last write time (NULL for the others);
 * write 4 bytes through each handle and close it; report the calls' results
 * and, per file, each time "changed" or "unchanged" ("plain" is the
 * control: the same write without the call).
 *
 * Why: backup and sync agents, antivirus scanners and file servers (Samba's
 * Windows counterpart, robocopy-like tools) write or touch files on behalf
 * of someone else and use the -1 value so their own I/O does not make the
 * file look modified; a layer that treats -1 as a literal time (year
 * 60056) or ignores it makes every such access visible as an edit.
 *
 * References: Microsoft Learn, SetFileTime (lpLastWriteTime: "To prevent
 * file operations using the given handle from modifying the last write
 * time, call SetFileTime immediately after opening the file handle and
 * pass a FILETIME structure that has both the dwLowDateTime and
 * dwHighDateTime members set to 0xFFFFFFFF"; the same for
 * lpLastAccessTime).
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    static const char *const name[2] = {"suspended", "plain"};
    static const wchar_t *const wname[2] = {L"suspended", L"plain"};
    FILETIME minus1 = {0xFFFFFFFFu, 0xFFFFFFFFu};
    fsc_stat before[2];
    HANDLE h[2];
    DWORD n;
    for (int i = 0; i < 2; i++) fsc_put(name[i], "data");
    fsc_times_setup(2, name, before);
    for (int i = 0; i < 2; i++) {
        h[i] = CreateFileW(wname[i], GENERIC_WRITE | FILE_WRITE_ATTRIBUTES,
                           FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
        FSC_CHECK(h[i] != INVALID_HANDLE_VALUE);
    }
    fsc_obs_win32("suspend", SetFileTime(h[0], NULL, NULL, &minus1));
    fsc_obs_win32("suspended.write", WriteFile(h[0], "more", 4, &n, NULL));
    fsc_obs_win32("plain.write", WriteFile(h[1], "more", 4, &n, NULL));
    for (int i = 0; i < 2; i++) FSC_CHECK(CloseHandle(h[i]));
    fsc_obs_times("suspended.", "suspended", &before[0]);
    fsc_obs_times("plain.", "plain", &before[1]);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
