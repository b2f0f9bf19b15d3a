/*
 * mmap.setendoffile_same_size — SetEndOfFile at the file's current size while a mapping object, or a view, exists.
 *
 * Steps: create "f" of 8 KiB, open it GENERIC_READ | GENERIC_WRITE (full
 * sharing), create a read-write mapping of it. With only the mapping
 * object alive, SetEndOfFile at 8 KiB ("mapping.same_size") and at 4 KiB
 * ("mapping.shrink"); map a view and close the mapping handle, then
 * SetEndOfFile at 8 KiB again ("view.same_size") and at 4 KiB
 * ("view.shrink"). Report each result, and the size in KiB at the end.
 * Skips on POSIX.
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

#ifdef _WIN32
enum { KIB = 1024 };

/* Each step sets the end of file at `kib`; the view is mapped (and the
 * mapping handle closed) before the first step that has view set. */
static const struct {
    const char *what;
    long long kib;
    int view;
} steps[] = {
    {"mapping.same_size", 8, 0},
    {"mapping.shrink", 4, 0},
    {"view.same_size", 8, 1},
    {"view.shrink", 4, 1},
};

static void probe(void)
{
    LARGE_INTEGER at;
    void *view = NULL;
    HANDLE h = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    at.QuadPart = 8 * KIB;
    FSC_CHECK(SetFilePointerEx(h, at, NULL, FILE_BEGIN) && SetEndOfFile(h));
    HANDLE m = CreateFileMappingW(h, NULL, PAGE_READWRITE, 0, 0, NULL);
    FSC_CHECK(m != NULL);
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        if (steps[i].view && !view) {
            FSC_CHECK((view = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0)) != NULL && CloseHandle(m));
        }
        at.QuadPart = steps[i].kib * KIB;
        FSC_CHECK(SetFilePointerEx(h, at, NULL, FILE_BEGIN));
        fsc_obs_win32(steps[i].what, SetEndOfFile(h));
    }
    FSC_CHECK(GetFileSizeEx(h, &at));
    fsc_obs_int("final_size_kib", at.QuadPart / KIB);
    FSC_CHECK(UnmapViewOfFile(view) && CloseHandle(h));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
