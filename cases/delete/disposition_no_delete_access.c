/*
 * delete.disposition_no_delete_access — FileDispositionInfo through a handle opened without DELETE access.
 *
 * Steps: create "f"; open it with GENERIC_WRITE only (full sharing); set
 * FileDispositionInfo (DeleteFile = TRUE) through it and report the
 * result; close it and report GetFileAttributesW "f". Skips on POSIX.
 *
 * Why: deleting an open file by handle is how runtimes avoid the race
 * between checking a file and deleting it by name (std::filesystem, .NET,
 * Rust's remove_dir_all). It needs the DELETE right in the handle: a
 * library that opened the file for writing and deletes through that handle
 * works only where the right is not checked, and must otherwise reopen the
 * file with DELETE.
 *
 * References: SetFileInformationByHandle and FILE_DISPOSITION_INFO
 * ("the file handle must have been opened with DELETE access")
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_disposition_info;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("cannot
 * set disposition on file not opened with delete access")
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
    HANDLE h = CreateFileW(L"f", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("set", SetFileInformationByHandle(h, FileDispositionInfo, &set, sizeof set));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("closed.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
