/*
 * delete.mapped_file_handle_open — DeleteFileW on a mapped file whose handle is still open, with and without FILE_SHARE_DELETE.
 *
 * Steps: for "a" with FILE_SHARE_READ | FILE_SHARE_WRITE (the C runtime's
 * share mode) and "b" with FILE_SHARE_READ | FILE_SHARE_WRITE |
 * FILE_SHARE_DELETE: create it ("hello"), open it for reading and writing
 * with that share mode, map it (CreateFileMappingW PAGE_READWRITE,
 * MapViewOfFile FILE_MAP_WRITE; the mapping handle is closed), keep the
 * file handle and the view; DeleteFileW it (report); then unmap, close
 * the handle and report GetFileAttributesW of the name. Skips on POSIX.
 *
 * Why: two different refusals meet a program deleting a mapped file on
 * Windows: without FILE_SHARE_DELETE on the open handle the delete is a
 * sharing violation; with it, the open for delete succeeds but the mapped
 * view still forbids the deletion. Error handling that retries only on one
 * of them (or maps both to one errno) gets the other case wrong.
 *
 * References: DeleteFileW (Remarks: fails for a file that has other
 * handles open for normal I/O or as a memory-mapped file)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * FILE_DISPOSITION_INFORMATION_EX (Remarks: STATUS_CANNOT_DELETE for an
 * existing mapped view)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex;
 * CreateFileW (dwShareMode)
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
static void delete_mapped(const char *tag, const char *name, const wchar_t *path, DWORD share)
{
    char obs[48];
    fsc_put(name, "hello");
    HANDLE h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, share, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READWRITE, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    void *view = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    FSC_CHECK(view != NULL && CloseHandle(m));
    snprintf(obs, sizeof obs, "%s.delete", tag);
    fsc_obs_win32(obs, DeleteFileW(path));
    FSC_CHECK(UnmapViewOfFile(view) && CloseHandle(h));
    snprintf(obs, sizeof obs, "%s.after_close_attrs", tag);
    fsc_obs_win32(obs, GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
}

static void probe(void)
{
    delete_mapped("crt_share", "a", L"a", FILE_SHARE_READ | FILE_SHARE_WRITE);
    delete_mapped("share_delete", "b", L"b",
                  FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
