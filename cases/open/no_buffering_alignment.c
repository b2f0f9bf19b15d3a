/*
 * open.no_buffering_alignment — FILE_FLAG_NO_BUFFERING: which offsets, lengths and buffer addresses ReadFile and WriteFile accept.
 *
 * Steps: create "f" with 8192 bytes. Open it with FILE_FLAG_NO_BUFFERING
 * (read|write, share read|write) and report the open ("open"). Then, with
 * a page-aligned buffer (VirtualAlloc) and 4096 as the unit (a multiple of
 * every sector size up to 4 KiB): WriteFile 4096 bytes at offset 0
 * ("write_aligned"), 100 bytes at offset 0 ("write_unaligned_length"),
 * 4096 bytes at offset 100 ("write_unaligned_offset"), 4096 bytes from the
 * buffer's address + 1 at offset 0 ("write_unaligned_buffer"); ReadFile
 * the same four ways ("read_aligned", "read_unaligned_length",
 * "read_unaligned_offset", "read_unaligned_buffer"). Offsets are given in
 * an OVERLAPPED on this synchronous handle. Skips on POSIX.
 *
 * Why: unbuffered I/O is the Windows counterpart of O_DIRECT, used by
 * databases and copy tools; its alignment rules are documented and
 * enforced by the file system, and code that works through the cache
 * (or on Linux, where O_DIRECT's rules differ per filesystem and some
 * accept anything) fails with ERROR_INVALID_PARAMETER on Windows.
 *
 * References: Microsoft Learn "File Buffering" (sizes and offsets must be
 * multiples of the volume's sector size, buffers aligned to it),
 * https://learn.microsoft.com/en-us/windows/win32/fileio/file-buffering;
 * CreateFileW (FILE_FLAG_NO_BUFFERING); Linux open(2) O_DIRECT
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>

static BOOL io(HANDLE h, int write, char *buf, DWORD len, DWORD off)
{
    OVERLAPPED ov = {0};
    DWORD n = 0;
    ov.Offset = off;
    return write ? WriteFile(h, buf, len, &n, &ov) : ReadFile(h, buf, len, &n, &ov);
}

static void probe(void)
{
    static char data[8192];
    memset(data, 'a', sizeof data);
    HANDLE w = CreateFileW(L"f", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    DWORD n = 0;
    FSC_CHECK(w != INVALID_HANDLE_VALUE && WriteFile(w, data, sizeof data, &n, NULL) && CloseHandle(w));
    char *buf = VirtualAlloc(NULL, 8192, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    FSC_CHECK(buf != NULL);
    HANDLE h = CreateFileW(L"f", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, OPEN_EXISTING, FILE_FLAG_NO_BUFFERING, NULL);
    if (!fsc_obs_win32("open", h != INVALID_HANDLE_VALUE)) return;
    static const char *const what[] = {"read", "write"};
    char name[48];
    for (int write = 1; write >= 0; write--) {
        snprintf(name, sizeof name, "%s_aligned", what[write]);
        fsc_obs_win32(name, io(h, write, buf, 4096, 0));
        snprintf(name, sizeof name, "%s_unaligned_length", what[write]);
        fsc_obs_win32(name, io(h, write, buf, 100, 0));
        snprintf(name, sizeof name, "%s_unaligned_offset", what[write]);
        fsc_obs_win32(name, io(h, write, buf, 4096, 100));
        snprintf(name, sizeof name, "%s_unaligned_buffer", what[write]);
        fsc_obs_win32(name, io(h, write, buf + 1, 4096, 0));
    }
    FSC_CHECK(CloseHandle(h));
    VirtualFree(buf, 0, MEM_RELEASE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
