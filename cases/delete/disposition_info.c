/*
 * delete.disposition_info — SetFileInformationByHandle(FileDispositionInfo) while a second handle is open.
 *
 * Steps: create "f" ("old"); open it twice with full sharing: handle 1
 * with DELETE access, handle 2 for reading. Set FileDispositionInfo
 * (DeleteFile = TRUE) on handle 1 and report it; report
 * GetFileAttributesW "f" and an OPEN_EXISTING of "f" (full sharing, closed
 * at once if it opens) while both are open; close handle 1 and report
 * GetFileAttributesW "f" and a CREATE_NEW of "f" (closed at once if it
 * opens); read through handle 2; close it and report GetFileAttributesW
 * "f" again. Skips on POSIX.
 *
 * Why: this is the call DeleteFileW and every runtime's delete by handle
 * (std::filesystem, .NET, Rust std, Go) rest on. The disposition belongs
 * to the file, not the handle: the name stays until the last handle of
 * anyone closes, and nobody can open or re-create it meanwhile. Code that
 * deletes "its" file and then reuses the name fails while a second handle
 * (its own, a scanner's) is still open.
 *
 * References: SetFileInformationByHandle
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-setfileinformationbyhandle;
 * FILE_DISPOSITION_INFO
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_disposition_info;
 * FILE_DISPOSITION_INFORMATION_EX (Remarks: without POSIX semantics the
 * file is deleted when all handles are closed)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information
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
    FILE_DISPOSITION_INFO info = {TRUE};
    char buf[8];
    DWORD n = 0;
    fsc_put("f", "old");
    HANDLE h1 = CreateFileW(L"f", DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE h2 = CreateFileW(L"f", GENERIC_READ, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE);
    fsc_obs_win32("set_disposition",
                  SetFileInformationByHandle(h1, FileDispositionInfo, &info, sizeof info));
    fsc_obs_win32("both_open.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_win32_open("both_open.reopen", L"f", GENERIC_READ, FSC_WIN32_SHARE_ALL, OPEN_EXISTING,
                       0);
    FSC_CHECK(CloseHandle(h1));
    fsc_obs_win32("one_open.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_win32_open("one_open.create_new", L"f", GENERIC_WRITE, FSC_WIN32_SHARE_ALL, CREATE_NEW,
                       0);
    if (fsc_obs_win32("second_handle_read", ReadFile(h2, buf, sizeof buf, &n, NULL)))
        fsc_obs_bytes("second_handle_reads", buf, n);
    FSC_CHECK(CloseHandle(h2));
    fsc_obs_win32("all_closed.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
