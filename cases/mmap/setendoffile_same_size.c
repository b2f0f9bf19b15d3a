/*
 * mmap.setendoffile_same_size — SetEndOfFile at the file's current size while a mapping object, or a view, exists.
 *
 * Steps: create "f" of 8 KiB, open it GENERIC_READ | GENERIC_WRITE (full
 * sharing), create a read-write mapping of it. With only the mapping
 * object alive, SetEndOfFile at 8 KiB ("mapping.same_size") and at 4 KiB
 * ("mapping.shrink"); map a view and close the mapping handle, then
 * SetEndOfFile at 8 KiB again ("view.same_size") and at 4 KiB
 * ("view.shrink"). Report each result and the size in KiB after it. Skips
 * on POSIX.
 *
 * Why: code that "truncates to the current length" as a no-op flush or to
 * settle the size after writing (loggers, databases finishing a segment,
 * the C runtime's _chsize_s) runs into mapped files. If a call that
 * changes nothing is refused like a real shrink, such code fails whenever
 * another process has the file mapped; if it is allowed, only true
 * shrinks need the unmap dance. mmap.setendoffile_under_map covers the
 * shrink and grow under a view.
 *
 * References: SetEndOfFile (Remarks: ERROR_USER_MAPPED_FILE with a
 * mapping)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-setendoffile;
 * Wine dlls/kernel32/tests/file.c test_eof
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
enum { KIB = 1024 };

static void set_end(HANDLE h, const char *what, long long size)
{
    char name[48];
    LARGE_INTEGER to, now;
    to.QuadPart = size;
    FSC_CHECK(SetFilePointerEx(h, to, NULL, FILE_BEGIN));
    fsc_obs_win32(what, SetEndOfFile(h));
    FSC_CHECK(GetFileSizeEx(h, &now));
    snprintf(name, sizeof name, "%s.size_kib", what);
    fsc_obs_int(name, now.QuadPart / KIB);
}

static void probe(void)
{
    HANDLE h = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    LARGE_INTEGER size;
    size.QuadPart = 8 * KIB;
    FSC_CHECK(SetFilePointerEx(h, size, NULL, FILE_BEGIN) && SetEndOfFile(h));
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READWRITE, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    set_end(h, "mapping.same_size", 8 * KIB);
    set_end(h, "mapping.shrink", 4 * KIB);
    void *view = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    FSC_CHECK(view != NULL && CloseHandle(m));
    set_end(h, "view.same_size", 8 * KIB);
    set_end(h, "view.shrink", 4 * KIB);
    FSC_CHECK(UnmapViewOfFile(view) && CloseHandle(h));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
