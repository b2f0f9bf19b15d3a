/*
 * delete.disposition_mapped — FileDispositionInfo by handle on a file with a live mapping object, a live view, or neither.
 *
 * Steps: for three files, each created with "data", opened GENERIC_READ |
 * GENERIC_WRITE | DELETE (share none) and mapped read-only
 * (CreateFileMappingW PAGE_READONLY): "mapping" keeps the mapping handle
 * and maps no view; "view" maps a view and closes the mapping handle;
 * "closed" closes the mapping handle and maps nothing. On the file handle
 * set FileDispositionInfo (DeleteFile = FALSE, then TRUE), reporting both;
 * report GetFileAttributesW of the name; then drop view and mapping, close
 * the handle and report GetFileAttributesW again. Skips on POSIX.
 *
 * Why: every delete by handle (std::filesystem::remove, .NET, Rust, Go)
 * ends in this call. The existing delete.mapped_* probes show DeleteFileW
 * and unlink on mapped files; this one shows that the refusal comes from
 * the section object itself, not from a view: a program that unmapped all
 * its views but still holds a mapping handle (a cache, a shared-memory
 * segment backed by the file) cannot delete the file either.
 *
 * References: FILE_DISPOSITION_INFORMATION_EX (Remarks: STATUS_CANNOT_DELETE
 * for a mapped file)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex;
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information ("a file
 * with an open mapping handle cannot be deleted", "a file with an open view
 * cannot be deleted")
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
enum { KEEP_MAPPING, KEEP_VIEW, KEEP_NOTHING };

static void one_case(const char *tag, const wchar_t *path, int keep)
{
    FILE_DISPOSITION_INFO set = {TRUE}, clear = {FALSE};
    char obs[48];
    DWORD n;
    void *view = NULL;
    HANDLE h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE | DELETE, 0, NULL, CREATE_NEW, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE && WriteFile(h, "data", 4, &n, NULL));
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READONLY, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    if (keep == KEEP_VIEW) FSC_CHECK((view = MapViewOfFile(m, FILE_MAP_READ, 0, 0, 0)) != NULL);
    if (keep != KEEP_MAPPING) FSC_CHECK(CloseHandle(m));
    snprintf(obs, sizeof obs, "%s.clear", tag);
    fsc_obs_win32(obs, SetFileInformationByHandle(h, FileDispositionInfo, &clear, sizeof clear));
    snprintf(obs, sizeof obs, "%s.set", tag);
    fsc_obs_win32(obs, SetFileInformationByHandle(h, FileDispositionInfo, &set, sizeof set));
    snprintf(obs, sizeof obs, "%s.attrs", tag);
    fsc_obs_win32(obs, GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
    if (view) FSC_CHECK(UnmapViewOfFile(view));
    if (keep == KEEP_MAPPING) FSC_CHECK(CloseHandle(m));
    FSC_CHECK(CloseHandle(h));
    snprintf(obs, sizeof obs, "%s.closed_attrs", tag);
    fsc_obs_win32(obs, GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
}

static void probe(void)
{
    one_case("mapping", L"mapping", KEEP_MAPPING);
    one_case("view", L"view", KEEP_VIEW);
    one_case("closed", L"closed", KEEP_NOTHING);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
