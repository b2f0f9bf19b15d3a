/*
 * delete.mapped_view_closed_handle — DeleteFileW on a file whose only remaining user is a mapped view.
 *
 * Steps: create "f" ("hello"); open it (read and write, FILE_SHARE_READ |
 * FILE_SHARE_WRITE), CreateFileMappingW (PAGE_READWRITE, whole file),
 * MapViewOfFile (FILE_MAP_WRITE), then close the mapping handle and the
 * file handle: only the view is left. DeleteFileW "f" (report) and
 * GetFileAttributesW "f"; UnmapViewOfFile; DeleteFileW "f" again (report)
 * and GetFileAttributesW "f". Skips on POSIX.
 *
 * Why: a view keeps its file in use after every handle is closed: on
 * Windows such a file cannot be deleted (the image of a running program or
 * a loaded DLL is the everyday case; a database or cache that maps its
 * files is another). Updaters, uninstallers and test clean-up that close
 * their handles and delete meet "access denied" until the view is
 * unmapped; on POSIX the unlink succeeds and the mapping stays valid.
 *
 * References: DeleteFileW (Remarks: fails for a file open "as a
 * memory-mapped file")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * FILE_DISPOSITION_INFORMATION_EX (Remarks: STATUS_CANNOT_DELETE for an
 * existing mapped view)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex;
 * CreateFileMappingW, MapViewOfFile, UnmapViewOfFile
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
    fsc_put("f", "hello");
    HANDLE h = fsc_win32_open_rw(L"f");
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READWRITE, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    void *view = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    FSC_CHECK(view != NULL);
    FSC_CHECK(CloseHandle(m) && CloseHandle(h));
    fsc_obs_win32("view_only.delete", DeleteFileW(L"f"));
    fsc_obs_win32("view_only.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
    FSC_CHECK(UnmapViewOfFile(view));
    fsc_obs_win32("unmapped.delete", DeleteFileW(L"f"));
    fsc_obs_win32("unmapped.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
