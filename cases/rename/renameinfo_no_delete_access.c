/*
 * rename.renameinfo_no_delete_access — SetFileInformationByHandle(FileRenameInfo) through a handle without DELETE access.
 *
 * Steps: create "a" and "c"; open "a" with GENERIC_READ | GENERIC_WRITE
 * (no DELETE) and "c" with GENERIC_READ | GENERIC_WRITE | DELETE, full
 * sharing; rename each through its handle with FileRenameInfo
 * (ReplaceIfExists FALSE, RootDirectory NULL, a bare new name: "a" to "b",
 * "c" to "d"); report each result, close the handles and report which of
 * the four names exist. Skips on POSIX.
 *
 * Why: renaming an open file by handle (the way .NET, Rust's std::fs and
 * "safe save" code avoid races on the name) needs the DELETE right on the
 * handle, because a rename removes the old name. Code that opens a file
 * for reading and writing and later renames it through that handle works
 * on an implementation that does not check and fails on Windows.
 *
 * References: FILE_RENAME_INFO and SetFileInformationByHandle
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_rename_info;
 * FILE_RENAME_INFORMATION (the caller needs DELETE access to the file)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntifs/ns-ntifs-_file_rename_information;
 * Wine dlls/kernel32/tests/file.c test_SetFileRenameInfo
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <string.h>
#include <wchar.h>

#ifdef _WIN32
static void rename_by_handle(const char *name, const wchar_t *from, const wchar_t *to, DWORD access)
{
    union {
        FILE_RENAME_INFO info;
        char raw[sizeof(FILE_RENAME_INFO) + 16 * sizeof(wchar_t)];
    } r;
    HANDLE h = CreateFileW(from, access, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    memset(&r, 0, sizeof r);
    r.info.FileNameLength = (DWORD)(wcslen(to) * sizeof(wchar_t));
    memcpy(r.info.FileName, to, r.info.FileNameLength);
    fsc_obs_win32(name, SetFileInformationByHandle(h, FileRenameInfo, &r, (DWORD)sizeof r));
    FSC_CHECK(CloseHandle(h));
}

static void probe(void)
{
    fsc_stat st;
    fsc_put("a", "a");
    fsc_put("c", "c");
    rename_by_handle("no_delete.rename", L"a", L"b", GENERIC_READ | GENERIC_WRITE);
    rename_by_handle("delete.rename", L"c", L"d", GENERIC_READ | GENERIC_WRITE | DELETE);
    fsc_obs_bool("no_delete.old_exists", fsc_op_stat("a", &st) == 0);
    fsc_obs_bool("no_delete.new_exists", fsc_op_stat("b", &st) == 0);
    fsc_obs_bool("delete.old_exists", fsc_op_stat("c", &st) == 0);
    fsc_obs_bool("delete.new_exists", fsc_op_stat("d", &st) == 0);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
