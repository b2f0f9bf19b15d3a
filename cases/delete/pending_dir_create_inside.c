/*
 * delete.pending_dir_create_inside — what a directory left delete pending allows: attributes, reopen, creating inside it.
 *
 * Steps: create directory "d"; open it twice (DELETE, share
 * FILE_SHARE_DELETE, FILE_FLAG_BACKUP_SEMANTICS); set FileDispositionInfo
 * (DeleteFile = TRUE) through handle 2. While both are open, report
 * GetFileAttributesW "d", an OPEN_EXISTING of "d" as before, CreateFileW
 * "d\f" (CREATE_NEW) and CreateDirectoryW "d\s". Close handle 2, then
 * handle 1, and report GetFileAttributesW "d". Skips on POSIX.
 *
 * Why: build tools and package managers delete a directory tree and at
 * once re-create it; while some process (an indexer, an antivirus scanner,
 * a shell window) still holds the old directory, it is delete pending. If
 * new files can be created inside it, they disappear with it or keep it
 * alive; if not, the re-creation fails with an error callers rarely
 * expect.
 *
 * References: FILE_DISPOSITION_INFO
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_disposition_info;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information
 * ("directory exists until all handles to it get closed")
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static HANDLE open_dir(void)
{
    return CreateFileW(L"d", DELETE, FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

static void probe(void)
{
    FILE_DISPOSITION_INFO set = {TRUE};
    FSC_OK(fsc_op_mkdir("d"));
    HANDLE h1 = open_dir(), h2 = open_dir();
    FSC_CHECK(h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE);
    FSC_CHECK(SetFileInformationByHandle(h2, FileDispositionInfo, &set, sizeof set));
    fsc_obs_win32("pending.attrs", GetFileAttributesW(L"d") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_win32_open("pending.reopen", L"d", DELETE, FILE_SHARE_DELETE, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS);
    fsc_obs_win32_open("pending.create_file", L"d\\f", GENERIC_WRITE,
                       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, CREATE_NEW, 0);
    fsc_obs_win32("pending.create_dir", CreateDirectoryW(L"d\\s", NULL));
    FSC_CHECK(CloseHandle(h2) && CloseHandle(h1));
    fsc_obs_win32("closed.attrs", GetFileAttributesW(L"d") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
