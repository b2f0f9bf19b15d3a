/*
 * mmap.create_over_mapping — CreateFileW CREATE_ALWAYS and TRUNCATE_EXISTING over a file that is mapped.
 *
 * Steps: for "mapping" (the mapping object kept, no view, file handle
 * closed) and "view" (a view kept, mapping and file handles closed): create
 * the file with "data", map it read-only (PAGE_READONLY), then
 * CreateFileW it with GENERIC_WRITE, share FILE_SHARE_READ |
 * FILE_SHARE_WRITE, CREATE_ALWAYS ("create_always") and then
 * TRUNCATE_EXISTING ("truncate_existing"); report each (a handle that
 * opens is closed at once) and whether the file then reads "unchanged" or
 * "truncated". Skips on POSIX.
 *
 * Why: an installer or a build step overwrites an output file ("w" mode,
 * File.Create) that another process has mapped (a loaded database, a
 * viewer, the memory-mapped index of a search tool). POSIX truncates and
 * the reader faults (SIGBUS); Windows refuses the truncation outright with
 * an error that is neither "in use" nor "access denied".
 *
 * References: CreateFileW
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Wine dlls/kernel32/tests/file.c test_file_sharing ("try CREATE_ALWAYS
 * over an existing mapping"); mmap.truncate_under_map (the portable
 * counterpart)
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>

#ifdef _WIN32
static void try_open(const char *tag, const char *what, const char *name, const wchar_t *path,
                     DWORD disposition)
{
    char obs[48];
    snprintf(obs, sizeof obs, "%s.%s", tag, what);
    fsc_obs_win32_open(obs, path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, disposition, 0);
    const char *s = fsc_get(name);
    snprintf(obs, sizeof obs, "%s.%s_file", tag, what);
    fsc_obs(obs, "%s", !s ? "unreadable" : strcmp(s, "data") == 0 ? "unchanged" : *s ? "other" : "truncated");
}

static void one_case(const char *tag, const char *name, const wchar_t *path, int keep_view)
{
    void *view = NULL;
    fsc_put(name, "data");
    HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READONLY, 0, 0, NULL);
    FSC_CHECK(m != NULL && CloseHandle(h));
    if (keep_view) FSC_CHECK((view = MapViewOfFile(m, FILE_MAP_READ, 0, 0, 0)) != NULL && CloseHandle(m));
    try_open(tag, "create_always", name, path, CREATE_ALWAYS);
    try_open(tag, "truncate_existing", name, path, TRUNCATE_EXISTING);
    if (view) FSC_CHECK(UnmapViewOfFile(view));
    else FSC_CHECK(CloseHandle(m));
}

static void probe(void)
{
    one_case("mapping", "mapping", L"mapping", 0);
    one_case("view", "view", L"view", 1);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
