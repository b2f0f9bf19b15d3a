/*
 * delete.disposition_posix — FileDispositionInfoEx with POSIX semantics while another handle is open.
 *
 * Steps: create "f" ("old"); open it twice with full sharing: handle 1
 * with DELETE access, handle 2 for reading. Set FileDispositionInfoEx with
 * FILE_DISPOSITION_FLAG_DELETE | FILE_DISPOSITION_FLAG_POSIX_SEMANTICS on
 * handle 1 and report it; report GetFileAttributesW "f" while both are
 * open; close handle 1 and report GetFileAttributesW "f"; create "f" again
 * (CREATE_NEW) and write "new" to it; read "old"'s data through handle 2;
 * close it and report what the name "f" reads. Skips on POSIX.
 *
 * Why: POSIX delete semantics (Windows 10 1709+, NTFS) are how Windows
 * gives portable code unlink(): the name goes away when the deleting
 * handle closes, other handles keep the data, and the name can be reused
 * at once. Runtimes (MSVC STL std::filesystem::remove, Rust std, Go, zig)
 * try it first and fall back to the classic disposition when the system
 * or filesystem refuses (ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED):
 * where it is missing, delete-then-recreate breaks again.
 *
 * References: FILE_DISPOSITION_INFO_EX
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-file_disposition_info_ex;
 * FILE_DISPOSITION_INFORMATION_EX (Remarks: with POSIX semantics the link
 * leaves the namespace when the POSIX delete handle is closed; other
 * handles keep the data)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex;
 * FILE_INFO_BY_HANDLE_CLASS (FileDispositionInfoEx = 21)
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
    struct { DWORD Flags; } info = {FSC_FILE_DISPOSITION_FLAG_DELETE |
                                    FSC_FILE_DISPOSITION_FLAG_POSIX_SEMANTICS};
    char buf[8];
    DWORD n = 0;
    fsc_put("f", "old");
    HANDLE h1 = CreateFileW(L"f", DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE h2 = CreateFileW(L"f", GENERIC_READ, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE);
    fsc_obs_win32("set_posix_disposition",
                  SetFileInformationByHandle(h1, (FILE_INFO_BY_HANDLE_CLASS)FSC_FileDispositionInfoEx,
                                             &info, sizeof info));
    fsc_obs_win32("both_open.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
    FSC_CHECK(CloseHandle(h1));
    fsc_obs_win32("deleter_closed.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
    HANDLE h3 = CreateFileW(L"f", GENERIC_WRITE, FSC_WIN32_SHARE_ALL, NULL, CREATE_NEW, 0, NULL);
    if (fsc_obs_win32("deleter_closed.create_new", h3 != INVALID_HANDLE_VALUE)) {
        FSC_CHECK(WriteFile(h3, "new", 3, &n, NULL));
        CloseHandle(h3);
    }
    if (fsc_obs_win32("second_handle_read", ReadFile(h2, buf, sizeof buf, &n, NULL)))
        fsc_obs_bytes("second_handle_reads", buf, n);
    FSC_CHECK(CloseHandle(h2));
    const char *s = fsc_get("f");
    fsc_obs("name_reads", "%s", s ? (*s ? s : "empty") : "unreadable");
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
