/*
 * delete.rmdir_pending_child — RemoveDirectoryW on a directory whose only child is delete pending.
 *
 * Steps: make directory "d" holding "d/f"; open "d/f" for reading with
 * full sharing; DeleteFileW "d/f" (report); RemoveDirectoryW "d" (report)
 * while the handle is open; close the handle; RemoveDirectoryW "d" again
 * (report) and GetFileAttributesW "d". Skips on POSIX.
 *
 * Why: recursive deletion (rm -rf ports, build-tree cleanup, test
 * teardown, installers) deletes the files and then the directory. When
 * anything still holds one of the files open with delete sharing, the
 * file is only delete pending, the directory is not empty, and the rmdir
 * fails although every delete succeeded; tools retry in a loop or leave
 * directories behind. With POSIX delete semantics the child is gone and
 * the rmdir succeeds.
 *
 * References: RemoveDirectoryW
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-removedirectoryw;
 * DeleteFileW (Remarks: marks the file for deletion on close)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * FILE_DISPOSITION_INFORMATION_EX (POSIX semantics)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex
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
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "x");
    HANDLE h = CreateFileW(L"d\\f", GENERIC_READ,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("delete_child", DeleteFileW(L"d\\f"));
    fsc_obs_win32("rmdir_child_open", RemoveDirectoryW(L"d"));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("rmdir_child_closed", RemoveDirectoryW(L"d"));
    fsc_obs_win32("dir_attrs", GetFileAttributesW(L"d") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
