/*
 * delete.rmdir_share_modes — RemoveDirectoryW while the directory is open without and with FILE_SHARE_DELETE.
 *
 * Steps: "no_share": directory "a" opened (DELETE, share none,
 * FILE_FLAG_BACKUP_SEMANTICS); RemoveDirectoryW "a" and report; close and
 * report GetFileAttributesW "a". "share_delete": directory "b" opened
 * (DELETE, share FILE_SHARE_DELETE, backup semantics); RemoveDirectoryW
 * "b" and report; while the handle is open report DeletePending through it
 * (GetFileInformationByHandleEx FileStandardInfo), GetFileAttributesW "b"
 * and an OPEN_EXISTING of "b" like the first; close it and report
 * GetFileAttributesW "b". Skips on POSIX.
 *
 * Why: a directory someone has open (a shell window, a file watcher, an
 * editor's project tree, a process's current directory) decides whether
 * build cleaners and installers can remove it. With FILE_SHARE_DELETE the
 * removal succeeds but the name may linger until the holder lets go, so
 * "remove, then re-create" fails in between; without it the removal is a
 * sharing violation. delete.share_delete_flag is the same for files.
 *
 * References: RemoveDirectoryW (Remarks: "marks a directory for deletion
 * on close")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-removedirectoryw;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information
 * ("RemoveDirectory fails for wrong sharing mode", "RemoveDirectory
 * succeeds for proper sharing mode")
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
    FILE_STANDARD_INFO std;
    FSC_OK(fsc_op_mkdir("a"));
    FSC_OK(fsc_op_mkdir("b"));

    HANDLE h = CreateFileW(L"a", DELETE, 0, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("no_share.rmdir", RemoveDirectoryW(L"a"));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("no_share.closed_attrs", GetFileAttributesW(L"a") != INVALID_FILE_ATTRIBUTES);

    h = CreateFileW(L"b", DELETE, FILE_SHARE_DELETE, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("share_delete.rmdir", RemoveDirectoryW(L"b"));
    FSC_CHECK(GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std));
    fsc_obs_bool("share_delete.pending", std.DeletePending);
    fsc_obs_win32("share_delete.attrs", GetFileAttributesW(L"b") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_win32_open("share_delete.reopen", L"b", DELETE, FILE_SHARE_DELETE, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS);
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("share_delete.closed_attrs", GetFileAttributesW(L"b") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
