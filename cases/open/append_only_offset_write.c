/*
 * open.append_only_offset_write — WriteFile at an explicit offset through a handle opened with FILE_APPEND_DATA only.
 *
 * Steps: create "f" holding "ab"; open it with FILE_APPEND_DATA as the only
 * access (full sharing); WriteFile "cd" with an OVERLAPPED whose offset is
 * 1 (a synchronous handle: the offset is the position of this write);
 * report the result, the file pointer afterwards
 * (SetFilePointerEx(FILE_CURRENT)) and what "f" reads. Skips on POSIX.
 *
 * Why: FILE_APPEND_DATA without FILE_WRITE_DATA is Windows' O_APPEND: the
 * C runtime, Go and Rust open append-mode files this way, and log
 * rotation relies on every write landing at the end. A write at an
 * explicit offset (pwrite, a positioned WriteFile) through such a handle
 * either goes to the end anyway, as POSIX specifies for O_APPEND on Linux,
 * or overwrites earlier data: a log shipper that "patches" a header with a
 * positioned write learns which.
 *
 * References: File Access Rights Constants (FILE_APPEND_DATA)
 * https://learn.microsoft.com/en-us/windows/win32/fileio/file-access-rights-constants;
 * WriteFile (lpOverlapped on a synchronous handle)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-writefile;
 * Wine dlls/ntdll/tests/file.c append_file_test; POSIX.1-2024 pwrite()
 * (O_APPEND: Linux appends regardless of the offset, see BUGS in pwrite(2))
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
    DWORD n = 0;
    OVERLAPPED at = {0};
    LARGE_INTEGER zero = {0}, pos;
    fsc_put("f", "ab");
    HANDLE h = CreateFileW(L"f", FILE_APPEND_DATA,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    at.Offset = 1;
    fsc_obs_win32("write", WriteFile(h, "cd", 2, &n, &at));
    FSC_CHECK(SetFilePointerEx(h, zero, &pos, FILE_CURRENT));
    fsc_obs_int("pointer", pos.QuadPart);
    FSC_CHECK(CloseHandle(h));
    fsc_obs_file("reads", "f");
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
