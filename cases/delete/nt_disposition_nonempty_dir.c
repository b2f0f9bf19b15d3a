/*
 * delete.nt_disposition_nonempty_dir — FileDispositionInformation on a directory that holds a file: refused at once, then accepted once it is empty.
 *
 * Steps: create directory "d" holding file "d\child"; open "d" with DELETE
 * access (FILE_FLAG_BACKUP_SEMANTICS, share read|write|delete) and set
 * FileDispositionInformation (DeleteFile TRUE) through NtSetInformationFile
 * ("nt_set", the NTSTATUS) and through SetFileInformationByHandle
 * (FileDispositionInfo, "win32_set", the Win32 error). Delete "d\child"
 * ("delete_child"), set the disposition again through NtSetInformationFile
 * ("nt_set_empty"), close the handle and report whether "d" is still there
 * ("exists_after_close"). Skips on POSIX.
 *
 * Why: NT checks emptiness when the disposition is set, not when the last
 * handle closes: the refusal comes at once with its own status
 * (STATUS_DIRECTORY_NOT_EMPTY, ERROR_DIR_NOT_EMPTY), and nothing is
 * marked. Recursive deletes built on handle dispositions (Rust's
 * remove_dir_all, .NET, robocopy-like tools) depend on that order: children
 * first, then the directory, and on the refusal being reported.
 *
 * References: FILE_DISPOSITION_INFORMATION (Remarks),
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("cannot
 * set disposition on a non-empty directory", wine-8.0 line 3318)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winternl.h>

#include "fsc_win32.h"

typedef NTSTATUS(NTAPI *set_info_fn)(HANDLE, IO_STATUS_BLOCK *, void *, ULONG,
                                     FILE_INFORMATION_CLASS);

static void probe(void)
{
    struct { BOOLEAN delete_file; } nt_info = {TRUE};
    FILE_DISPOSITION_INFO info = {TRUE};
    IO_STATUS_BLOCK io;
    set_info_fn set_info = (set_info_fn)(void (*)(void))GetProcAddress(
        GetModuleHandleW(L"ntdll.dll"), "NtSetInformationFile");
    FSC_CHECK(set_info != NULL);
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/child", "data");
    HANDLE h = CreateFileW(L"d", DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs("nt_set", "%s", fsc_ntstatus_name((unsigned long)set_info(
                                h, &io, &nt_info, sizeof nt_info, FileDispositionInformation)));
    fsc_obs_win32("win32_set",
                  SetFileInformationByHandle(h, FileDispositionInfo, &info, sizeof info));
    fsc_obs_win32("delete_child", DeleteFileW(L"d\\child"));
    fsc_obs("nt_set_empty", "%s", fsc_ntstatus_name((unsigned long)set_info(
                                      h, &io, &nt_info, sizeof nt_info, FileDispositionInformation)));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_bool("exists_after_close", GetFileAttributesW(L"d") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
