/*
 * delete.on_close_clear_disposition — clearing the delete disposition of a file opened with FILE_FLAG_DELETE_ON_CLOSE, through the handle itself and through a duplicate.
 *
 * Steps: "own": create "a" with CreateFileW (GENERIC_WRITE | DELETE, share
 * none, FILE_FLAG_DELETE_ON_CLOSE); set FileDispositionInfo (DeleteFile =
 * FALSE) through it and report; close it and report GetFileAttributesW
 * "a". "dup": create "b" the same way, DuplicateHandle it
 * (DUPLICATE_SAME_ACCESS), close the original and report
 * GetFileAttributesW "b"; clear the disposition through the duplicate and
 * report; close it and report GetFileAttributesW "b". Skips on POSIX.
 *
 * Why: FILE_FLAG_DELETE_ON_CLOSE is how temporary files are made (the C
 * runtime's _O_TEMPORARY, Python's tempfile on Windows, .NET's
 * FileOptions.DeleteOnClose). A program that decides to keep such a file
 * ("commit" a temporary download) and clears the disposition is told it
 * succeeded, yet the file still disappears when the last handle closes.
 *
 * References: CreateFileW (FILE_FLAG_DELETE_ON_CLOSE)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("can't
 * reset disposition if delete-on-close flag is specified", "... on
 * duplicated handle ...")
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static HANDLE create_temp(const wchar_t *path)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE | DELETE, 0, NULL, CREATE_NEW,
                           FILE_FLAG_DELETE_ON_CLOSE, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    return h;
}

static void probe(void)
{
    FILE_DISPOSITION_INFO clear = {FALSE};
    HANDLE h = create_temp(L"a"), dup;
    fsc_obs_win32("own.clear", SetFileInformationByHandle(h, FileDispositionInfo, &clear, sizeof clear));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("own.closed_attrs", GetFileAttributesW(L"a") != INVALID_FILE_ATTRIBUTES);

    h = create_temp(L"b");
    FSC_CHECK(DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, FALSE,
                              DUPLICATE_SAME_ACCESS));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("dup.original_closed_attrs", GetFileAttributesW(L"b") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_win32("dup.clear", SetFileInformationByHandle(dup, FileDispositionInfo, &clear, sizeof clear));
    FSC_CHECK(CloseHandle(dup));
    fsc_obs_win32("dup.closed_attrs", GetFileAttributesW(L"b") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
