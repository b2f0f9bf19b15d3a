/*
 * lock.lockfileex_mapped_view — a mapped view of a file against another handle's exclusive LockFileEx range: reads and writes through the view.
 *
 * Steps: create "f" with 32 bytes ("0123..."); open it twice (handles A
 * and B, read|write, share read|write). Lock bytes 0-9 exclusively through
 * A. Through B, CreateFileMappingW (PAGE_READWRITE) and MapViewOfFile the
 * whole file ("map"); read byte 0 through the view ("view_read": ok or the
 * fault, and "view_reads": the byte) and write 'X' to it ("view_write").
 * Unmap, then read byte 0 through A ("locker_reads": X when the view's
 * write reached the file). Skips on POSIX.
 *
 * Why: Win32 byte-range locks are mandatory for ReadFile and WriteFile,
 * but not for memory-mapped access: a program that protects a region with
 * LockFileEx while another maps the file (a database's shared memory
 * file, an indexer mapping documents) gets no protection at all. Porting
 * code that assumes "mandatory" covers every access silently loses the
 * exclusion.
 *
 * References: LockFileEx (Remarks: "Locking a region of a file does not
 * prevent reading or writing from a mapped file view"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-lockfileex;
 * CreateFileMappingW, MapViewOfFile
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    char c = 0, buf[1];
    DWORD n = 0;
    fsc_put("f", "0123456789abcdefghijklmnopqrstuv");
    HANDLE a = fsc_win32_open_rw(L"f"), b = fsc_win32_open_rw(L"f");
    FSC_CHECK(a != INVALID_HANDLE_VALUE && b != INVALID_HANDLE_VALUE);
    FSC_CHECK(LockFile(a, 0, 0, 10, 0));
    HANDLE m = CreateFileMappingW(b, NULL, PAGE_READWRITE, 0, 0, NULL);
    char *view = m ? MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    if (!fsc_obs_win32("map", view != NULL)) return;
    fsc_obs("view_read", "%s", fsc_mem_read(view, &c));
    fsc_obs_bytes("view_reads", &c, 1);
    fsc_obs("view_write", "%s", fsc_mem_write(view, 'X'));
    FSC_CHECK(UnmapViewOfFile(view) && CloseHandle(m));
    FSC_CHECK(ReadFile(a, buf, 1, &n, NULL) && n == 1);
    fsc_obs_bytes("locker_reads", buf, 1);
    FSC_CHECK(CloseHandle(a) && CloseHandle(b));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
