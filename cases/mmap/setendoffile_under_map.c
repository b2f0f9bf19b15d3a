/*
 * mmap.setendoffile_under_map — SetEndOfFile shrinking and growing a file that has a mapped view, then after unmapping and closing the mapping.
 *
 * Steps: create "f" of 128 KiB; open it for reading and writing (share
 * all); create a read-write mapping of the whole file and map a view; with
 * view and mapping handle alive, SetEndOfFile at 64 KiB ("shrink") and at
 * 192 KiB ("grow"), reporting each result and the size after it; unmap the
 * view but keep the mapping handle and shrink again ("shrink_unmapped");
 * close the mapping handle and shrink once more ("shrink_closed").
 *
 * Why: log rotators, databases and editors truncate files other code may
 * have mapped. POSIX lets ftruncate shrink a mapped file (and readers fault
 * with SIGBUS); Windows refuses while a view exists, so code ported from
 * POSIX that truncates a file it also maps (its own cache, a memory-mapped
 * index) fails with ERROR_USER_MAPPED_FILE and must unmap first. Growing is
 * the common case (append to a mapped journal) and behaves differently.
 *
 * References: SetEndOfFile (Remarks: views and the mapping object must be
 * gone before calling it; ERROR_USER_MAPPED_FILE),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-setendoffile;
 * CreateFileMappingW; mmap.truncate_under_map (the portable counterpart)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

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
    size.QuadPart = 128 * KIB;
    FSC_CHECK(SetFilePointerEx(h, size, NULL, FILE_BEGIN) && SetEndOfFile(h));
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READWRITE, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    void *view = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    FSC_CHECK(view != NULL);
    set_end(h, "shrink", 64 * KIB);
    set_end(h, "grow", 192 * KIB);
    FSC_CHECK(UnmapViewOfFile(view));
    set_end(h, "shrink_unmapped", 64 * KIB);
    FSC_CHECK(CloseHandle(m));
    set_end(h, "shrink_closed", 32 * KIB);
    FSC_CHECK(CloseHandle(h));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
