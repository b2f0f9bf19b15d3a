/*
 * fsc_win32.h — what native Windows probes need beyond fsc.h: names for
 * Win32 error codes and NTSTATUS values (tables generated from the SDK
 * headers, see fsc_win32_names.c), and the few definitions mingw-w64's
 * headers lack, defined here once.
 *
 * Observations of native calls:
 *     fsc_obs_win32("delete", DeleteFileW(L"a"));   // ok / ERROR_ACCESS_DENIED
 *     fsc_obs("status", "%s", fsc_ntstatus_name(st)); // STATUS_DELETE_PENDING
 */
#ifndef FSC_WIN32_H
#define FSC_WIN32_H

#include "fsc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "ERROR_SHARING_VIOLATION"; "win32_123" for a code not in the table. */
const char *fsc_win32_error_name(unsigned long code);
/* "STATUS_DELETE_PENDING"; "ntstatus_0xC0000123" for one not in the table. */
const char *fsc_ntstatus_name(unsigned long code);

#ifdef _WIN32
/* Result of a Win32 call returning BOOL: `ok` when it succeeded, else the
 * name of GetLastError(). Returns ok. */
int fsc_obs_win32(const char *name, int ok);
/* CreateFileW(path, access, share, NULL, disposition, flags, NULL), its
 * result reported as by fsc_obs_win32, and the handle closed again: "can it
 * be opened (or created) now?". Returns ok. */
int fsc_obs_win32_open(const char *name, const wchar_t *path, unsigned long access,
                       unsigned long share, unsigned long disposition, unsigned long flags);
/* CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ |
 * FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL): an existing file opened
 * for reading and writing with the C runtime's default sharing, as the lock
 * probes take it. Returns the HANDLE, INVALID_HANDLE_VALUE on failure. */
void *fsc_win32_open_rw(const wchar_t *path);

/* Every FILE_SHARE_ flag: the sharing that lets every other open through. */
#define FSC_WIN32_SHARE_ALL (FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)

/* Information classes and flags newer than mingw-w64 10's headers
 * (Windows 10 1709+ / 1809+ SDK; values from the Windows SDK's
 * minwinbase.h and winbase.h), prefixed so that newer headers do not clash. */
enum {
    FSC_FileDispositionInfoEx = 21,   /* FILE_INFO_BY_HANDLE_CLASS */
    FSC_FileRenameInfoEx = 22
};
#define FSC_FILE_DISPOSITION_FLAG_DELETE 0x00000001
#define FSC_FILE_DISPOSITION_FLAG_POSIX_SEMANTICS 0x00000002
#define FSC_FILE_DISPOSITION_FLAG_IGNORE_READONLY_ATTRIBUTE 0x00000010
#define FSC_FILE_RENAME_FLAG_REPLACE_IF_EXISTS 0x00000001
#define FSC_FILE_RENAME_FLAG_POSIX_SEMANTICS 0x00000002
#endif

#ifdef __cplusplus
}
#endif
#endif
