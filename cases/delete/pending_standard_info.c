/*
 * delete.pending_standard_info — DeletePending in FileStandardInfo, through the handle that deleted and through another.
 *
 * Steps: create "f"; open it twice with full sharing (handle 1
 * GENERIC_WRITE | DELETE, handle 2 DELETE); report DeletePending through
 * handle 2 (GetFileInformationByHandleEx FileStandardInfo); set
 * FileDispositionInfo (DeleteFile = TRUE) through handle 1; report
 * DeletePending through handle 1 and through handle 2. Then create "g",
 * open it with full sharing (GENERIC_WRITE | DELETE), DeleteFileW "g" and
 * report DeletePending through that handle. Skips on POSIX.
 *
 * Why: DeletePending is how a program holding a file open learns that the
 * file is going away (log writers, indexers, the .NET and Java runtimes'
 * file-exists checks through a handle). If only the deleting handle sees
 * it, every other holder keeps writing into a file that will vanish.
 *
 * References: FILE_STANDARD_INFO (DeletePending)
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_standard_info;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("pending
 * delete flag is shared across handles", "DeleteFile succeeds for proper
 * sharing mode")
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static void pending(const char *name, HANDLE h)
{
    FILE_STANDARD_INFO std;
    FSC_CHECK(GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std));
    fsc_obs_bool(name, std.DeletePending);
}

static void probe(void)
{
    FILE_DISPOSITION_INFO set = {TRUE};
    fsc_put("f", "data");
    HANDLE h1 = CreateFileW(L"f", GENERIC_WRITE | DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING,
                            0, NULL);
    HANDLE h2 = CreateFileW(L"f", DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE);
    pending("before.second", h2);
    FSC_CHECK(SetFileInformationByHandle(h1, FileDispositionInfo, &set, sizeof set));
    pending("disposition.first", h1);
    pending("disposition.second", h2);
    FSC_CHECK(CloseHandle(h1) && CloseHandle(h2));
    fsc_put("g", "data");
    HANDLE g = CreateFileW(L"g", GENERIC_WRITE | DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING,
                           0, NULL);
    FSC_CHECK(g != INVALID_HANDLE_VALUE);
    FSC_CHECK(DeleteFileW(L"g"));
    pending("deletefile.handle", g);
    FSC_CHECK(CloseHandle(g));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
