/*
 * rename.replacefile_replacement_open — ReplaceFileW while the replacement file is held open (read and delete shared).
 *
 * Steps: "replaced" holds "old", "replacement" holds "new"; open
 * "replacement" with GENERIC_READ | SYNCHRONIZE and share FILE_SHARE_READ |
 * FILE_SHARE_DELETE; ReplaceFileW(".\replaced", ".\replacement", no
 * backup) and report it; close the handle; report what "replaced" reads
 * and whether "replacement" is still there. Skips on POSIX.
 *
 * Why: an editor or a save routine often still has the temporary file it
 * just wrote open (or a virus scanner has) when it swaps it into place.
 * ReplaceFileW needs to write to the replacement (it copies attributes and
 * streams onto it), so a reader that does not share write blocks the swap
 * even though it shares delete; a caller that only expects the replaced
 * file to be "in use" misreports the failure, and both files must be left
 * as they were.
 *
 * References: ReplaceFileW (Return value: ERROR_UNABLE_TO_MOVE_REPLACEMENT
 * and the other errors)
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-replacefilew;
 * Wine dlls/kernel32/tests/file.c test_ReplaceFileA ("replace file while
 * replacement is opened"); rename.replacefile (the replaced file held open)
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static void probe(void)
{
    fsc_put("replaced", "old");
    fsc_put("replacement", "new");
    HANDLE h = CreateFileW(L"replacement", GENERIC_READ | SYNCHRONIZE,
                           FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("replace", ReplaceFileW(L".\\replaced", L".\\replacement", NULL, 0, NULL, NULL));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_file("replaced_reads", "replaced");
    fsc_obs_win32("replacement_attrs", GetFileAttributesW(L"replacement") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
