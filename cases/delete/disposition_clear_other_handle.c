/*
 * delete.disposition_clear_other_handle — a delete disposition set through one handle and cleared through another.
 *
 * Steps: create "f"; open it twice with full sharing: handle 1 with
 * GENERIC_WRITE | DELETE, handle 2 with DELETE. Set FileDispositionInfo
 * (DeleteFile = TRUE) through handle 1, then (DeleteFile = FALSE) through
 * handle 2, reporting both; report DeletePending as handle 1 sees it
 * (GetFileInformationByHandleEx FileStandardInfo); close both handles and
 * report GetFileAttributesW "f". Skips on POSIX.
 *
 * Why: the delete disposition belongs to the file, not to the handle that
 * set it: any handle with DELETE access can take it back. Installers and
 * transactional savers that mark a file for deletion and later decide to
 * keep it (or a second component that undoes the first one's delete) rely
 * on the file surviving; an implementation that keeps the flag per handle
 * deletes it anyway.
 *
 * References: FILE_DISPOSITION_INFO (DeleteFile: "TRUE to delete the file
 * ... FALSE ... cancel a delete")
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_disposition_info;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("pending
 * delete flag is shared across handles")
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
    FILE_DISPOSITION_INFO set = {TRUE}, clear = {FALSE};
    FILE_STANDARD_INFO std;
    fsc_put("f", "data");
    HANDLE h1 = CreateFileW(L"f", GENERIC_WRITE | DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING,
                            0, NULL);
    HANDLE h2 = CreateFileW(L"f", DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE);
    fsc_obs_win32("set_first", SetFileInformationByHandle(h1, FileDispositionInfo, &set, sizeof set));
    fsc_obs_win32("clear_second",
                  SetFileInformationByHandle(h2, FileDispositionInfo, &clear, sizeof clear));
    FSC_CHECK(GetFileInformationByHandleEx(h1, FileStandardInfo, &std, sizeof std));
    fsc_obs_bool("first_sees_pending", std.DeletePending);
    FSC_CHECK(CloseHandle(h1) && CloseHandle(h2));
    fsc_obs_win32("after_close.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
