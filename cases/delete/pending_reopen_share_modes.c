/*
 * delete.pending_reopen_share_modes — opening a delete-pending file with and without FILE_SHARE_DELETE.
 *
 * Steps: create "f"; open handle 1 (GENERIC_WRITE | DELETE, share
 * FILE_SHARE_DELETE) and handle 2 (DELETE, share FILE_SHARE_DELETE |
 * FILE_SHARE_WRITE); set FileDispositionInfo (DeleteFile = TRUE) through
 * handle 1. While both are open, CreateFileW "f" OPEN_EXISTING with DELETE
 * access and share mode 0 ("no_share_delete"), then with share
 * FILE_SHARE_DELETE | FILE_SHARE_WRITE ("share_delete"); report each (a
 * handle that opens is closed at once). Skips on POSIX.
 *
 * Why: a program that retries an open on ERROR_SHARING_VIOLATION (waiting
 * for another holder to go away) loops for ever if a delete-pending file
 * answers with a sharing violation; one that treats ERROR_ACCESS_DENIED
 * as "no permission" gives up on a file that is merely being deleted.
 * Which of the two a delete-pending file gives, whatever the share mode
 * asked, decides which retry logic works (Git for Windows, MSBuild and
 * npm all retry on one of them).
 *
 * References: DeleteFileW (Remarks: "Subsequent calls to CreateFile to open
 * the file fail with ERROR_ACCESS_DENIED")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("can't
 * open the deleted file (wrong sharing mode)")
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
    FILE_DISPOSITION_INFO set = {TRUE};
    fsc_put("f", "data");
    HANDLE h1 = CreateFileW(L"f", GENERIC_WRITE | DELETE, FILE_SHARE_DELETE, NULL,
                            OPEN_EXISTING, 0, NULL);
    HANDLE h2 = CreateFileW(L"f", DELETE, FILE_SHARE_DELETE | FILE_SHARE_WRITE, NULL,
                            OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE);
    FSC_CHECK(SetFileInformationByHandle(h1, FileDispositionInfo, &set, sizeof set));
    fsc_obs_win32_open("no_share_delete", L"f", DELETE, 0, OPEN_EXISTING, 0);
    fsc_obs_win32_open("share_delete", L"f", DELETE, FILE_SHARE_DELETE | FILE_SHARE_WRITE,
                       OPEN_EXISTING, 0);
    FSC_CHECK(CloseHandle(h1) && CloseHandle(h2));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
