/*
 * rename.mapped_file — MoveFileExW of a file with a live mapped view, with its handles open and after they are closed.
 *
 * Steps: case "open": create "open.src" ("data"), open it for reading and
 * writing with share read|write|delete (so no handle's share mode stands in
 * the way), create a read-only file mapping and map a view; MoveFileExW it
 * to "open.dst" (no flags); report the result, which name exists and what
 * the view reads; then unmap and close. Case "view": the same, but the
 * mapping and file handles are closed before the rename, so only the view
 * keeps the file in use.
 *
 * Why: loaders, databases (LMDB, SQLite in WAL mode), search indexes and
 * language servers keep files mapped; updaters and atomic-save code rename
 * such files aside. On POSIX a mapping never blocks a rename. On Windows a
 * mapped view blocks deleting and truncating the file; whether it also
 * blocks renaming decides whether "rename the old file aside, then put the
 * new one in place" works for a file that is in use.
 *
 * References: MoveFileExW,
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw;
 * CreateFileMappingW ("Creating a File Mapping Object");
 * Wine dlls/kernel32/tests/file.c test_MoveFileA (a file with a mapping)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static void one_case(const char *tag, const wchar_t *src, const wchar_t *dst, int close_handles)
{
    char name[64], path[16];
    fsc_stat st;
    snprintf(path, sizeof path, "%s.src", tag);
    fsc_put(path, "data");
    HANDLE h = CreateFileW(src, GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READONLY, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    const char *view = MapViewOfFile(m, FILE_MAP_READ, 0, 0, 0);
    FSC_CHECK(view != NULL);
    if (close_handles) {
        FSC_CHECK(CloseHandle(m));
        FSC_CHECK(CloseHandle(h));
    }
    snprintf(name, sizeof name, "%s.rename", tag);
    fsc_obs_win32(name, MoveFileExW(src, dst, 0));
    snprintf(name, sizeof name, "%s.src_exists", tag);
    fsc_obs_bool(name, fsc_op_stat(path, &st) == 0);
    snprintf(path, sizeof path, "%s.dst", tag);
    snprintf(name, sizeof name, "%s.dst_exists", tag);
    fsc_obs_bool(name, fsc_op_stat(path, &st) == 0);
    snprintf(name, sizeof name, "%s.view_reads", tag);
    fsc_obs_bytes(name, view, 4);
    FSC_CHECK(UnmapViewOfFile(view));
    if (!close_handles) {
        FSC_CHECK(CloseHandle(m));
        FSC_CHECK(CloseHandle(h));
    }
}

static void probe(void)
{
    one_case("open", L"open.src", L"open.dst", 0);
    one_case("view", L"view.src", L"view.dst", 1);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
