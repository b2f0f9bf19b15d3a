/*
 * delete.nonempty_dir_by_handle — deleting a non-empty directory by handle: FILE_FLAG_DELETE_ON_CLOSE and FileDispositionInfo.
 *
 * Steps: "on_close": directory "a" holding a file "a\f"; CreateFileW "a"
 * (DELETE, share none, FILE_FLAG_BACKUP_SEMANTICS |
 * FILE_FLAG_DELETE_ON_CLOSE) and report; close it and report
 * GetFileAttributesW "a". "disposition": directory "b" holding "b\f";
 * open it (DELETE, backup semantics), set FileDispositionInfo (DeleteFile
 * = TRUE) and report; close it and report GetFileAttributesW "b". Skips on
 * POSIX.
 *
 * Why: recursive deleters (rm -rf ports, Rust's remove_dir_all, .NET's
 * Directory.Delete) delete directories by handle after emptying them; if
 * something re-creates a child meanwhile, the delete of the directory
 * either reports the problem (ERROR_DIR_NOT_EMPTY) or silently leaves the
 * directory behind when the handle closes. Both happen on Windows,
 * depending on the call.
 *
 * References: FILE_DISPOSITION_INFO
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_disposition_info;
 * CreateFileW (FILE_FLAG_DELETE_ON_CLOSE);
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("can
 * open a non-empty directory with FILE_FLAG_DELETE_ON_CLOSE", "cannot set
 * disposition on a non-empty directory"); delete.rmdir_nonempty
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
    FSC_OK(fsc_op_mkdir("a"));
    fsc_put("a/f", "data");
    FSC_OK(fsc_op_mkdir("b"));
    fsc_put("b/f", "data");

    HANDLE h = CreateFileW(L"a", DELETE, 0, NULL, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    if (fsc_obs_win32("on_close.open", h != INVALID_HANDLE_VALUE)) FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("on_close.closed_attrs", GetFileAttributesW(L"a") != INVALID_FILE_ATTRIBUTES);

    h = CreateFileW(L"b", DELETE, 0, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("disposition.set", SetFileInformationByHandle(h, FileDispositionInfo, &set, sizeof set));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("disposition.closed_attrs", GetFileAttributesW(L"b") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
