/*
 * open.write_through — FILE_FLAG_WRITE_THROUGH is accepted, alone and with FILE_FLAG_NO_BUFFERING, and writes through it read back.
 *
 * Steps: CreateFileW "a" (CREATE_NEW, read|write) with
 * FILE_FLAG_WRITE_THROUGH ("open"); write "data" ("write"), then
 * FlushFileBuffers ("flush"); close; report what "a" reads ("reads").
 * Then CreateFileW "b" with FILE_FLAG_WRITE_THROUGH | FILE_FLAG_NO_BUFFERING
 * ("open_unbuffered") and write one aligned 4096-byte block from a
 * page-aligned buffer ("write_unbuffered"); close and report b's size
 * ("unbuffered_size": 4096 or other). Skips on POSIX.
 *
 * Why: write-through is how Windows programs ask for O_DSYNC-like
 * durability per write (SQLite's and ESE's journals, transactional
 * installers). If a platform or layer refuses the flag, or silently drops
 * the data, the program either fails to open its journal or loses the
 * guarantee it asked for; the combination with NO_BUFFERING is the
 * documented way to bypass the cache entirely.
 *
 * References: CreateFileW (FILE_FLAG_WRITE_THROUGH: "Write operations will
 * not go through any intermediate cache, they will go directly to disk"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Microsoft Learn "File Caching" (write-through caching),
 * https://learn.microsoft.com/en-us/windows/win32/fileio/file-caching
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <string.h>

static void probe(void)
{
    DWORD n = 0;
    fsc_stat st;
    HANDLE h = CreateFileW(L"a", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW,
                           FILE_FLAG_WRITE_THROUGH, NULL);
    if (fsc_obs_win32("open", h != INVALID_HANDLE_VALUE)) {
        fsc_obs_win32("write", WriteFile(h, "data", 4, &n, NULL));
        fsc_obs_win32("flush", FlushFileBuffers(h));
        FSC_CHECK(CloseHandle(h));
        fsc_obs_file("reads", "a");
    }
    char *buf = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    FSC_CHECK(buf != NULL);
    memset(buf, 'b', 4096);
    h = CreateFileW(L"b", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW,
                    FILE_FLAG_WRITE_THROUGH | FILE_FLAG_NO_BUFFERING, NULL);
    if (fsc_obs_win32("open_unbuffered", h != INVALID_HANDLE_VALUE)) {
        fsc_obs_win32("write_unbuffered", WriteFile(h, buf, 4096, &n, NULL));
        FSC_CHECK(CloseHandle(h));
        FSC_OK(fsc_op_stat("b", &st));
        fsc_obs("unbuffered_size", "%s", st.size == 4096 ? "4096" : "other");
    }
    VirtualFree(buf, 0, MEM_RELEASE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
