/*
 * rename.movefile_open_no_access — MoveFileW of a file held open with share mode 0, by a handle with no access and by one with DELETE access.
 *
 * Steps: "no_access": create "a", open it with access 0 and share mode 0,
 * MoveFileW "a" -> "a2" and report it, close the handle and report whether
 * "a2" exists. "delete_access": create "b", open it with DELETE and share
 * mode 0, MoveFileW "b" -> "b2" and report it, close and report whether
 * "b2" exists. Skips on POSIX.
 *
 * Why: share mode 0 reads as "nobody else may touch this file", but the
 * sharing check only counts handles that have data or delete access: a
 * handle opened just to query attributes or to hold a file's identity
 * (backup tools, file watchers, Explorer's property pages) does not block
 * a rename, while any handle with DELETE access does. Tools that "lock" a
 * file against renames with a zero-access handle protect nothing.
 *
 * References: Creating and Opening Files (the sharing rules)
 * https://learn.microsoft.com/en-us/windows/win32/fileio/creating-and-opening-files;
 * Wine dlls/kernel32/tests/file.c test_move_file
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
    fsc_put("a", "a");
    fsc_put("b", "b");
    HANDLE h = CreateFileW(L"a", 0, 0, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("no_access.move", MoveFileW(L"a", L"a2"));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("no_access.new_attrs", GetFileAttributesW(L"a2") != INVALID_FILE_ATTRIBUTES);
    h = CreateFileW(L"b", DELETE, 0, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("delete_access.move", MoveFileW(L"b", L"b2"));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("delete_access.new_attrs", GetFileAttributesW(L"b2") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
