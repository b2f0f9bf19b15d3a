/*
 * path.alternate_stream — an NTFS alternate data stream "f:stream": write, read back, main size, FindFirstStreamW.
 *
 * Steps: create "f" holding "main"; CreateFileW(CREATE_NEW) of "f:stream"
 * and write "side"; open "f:stream" again and read it; the size of "f"
 * (GetFileAttributesExW); the number of entries in the sandbox
 * (FindFirstFileW "*": 1 when the stream belongs to "f", 2 when a separate
 * file "f:stream" was made); FindFirstStreamW/FindNextStreamW on "f": the result,
 * the number of streams and whether ":stream:$DATA" is among them.
 *
 * Why: alternate data streams carry the Mark of the Web (Zone.Identifier)
 * and hide data from directory listings and size checks; copying a file
 * with a tool that ignores them drops them, and a name with a colon means a
 * stream on NTFS but is invalid on FAT and an ordinary name elsewhere.
 *
 * References: Microsoft Learn "File Streams (Local File Systems)"
 * (https://learn.microsoft.com/windows/win32/fileio/file-streams);
 * FindFirstStreamW; "Naming Files, Paths, and Namespaces" (the colon).
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <wchar.h>

#ifdef _WIN32
static void streams(void)
{
    WIN32_FIND_STREAM_DATA sd;
    int n = 0, named = 0;
    HANDLE f = FindFirstStreamW(L"f", FindStreamInfoStandard, &sd, 0);
    if (!fsc_obs_win32("find_streams", f != INVALID_HANDLE_VALUE)) return;
    do n++, named |= !wcscmp(sd.cStreamName, L":stream:$DATA");
    while (FindNextStreamW(f, &sd));
    FindClose(f);
    fsc_obs_int("stream_count", n);
    fsc_obs_bool("stream_listed", named);
}

static void probe(void)
{
    char buf[16];
    DWORD done = 0;
    fsc_put("f", "main");
    HANDLE h = CreateFileW(L"f:stream", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    if (fsc_obs_win32("create_stream", h != INVALID_HANDLE_VALUE)) {
        fsc_obs_win32("write_stream", WriteFile(h, "side", 4, &done, NULL));
        CloseHandle(h);
    }
    h = CreateFileW(L"f:stream", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (fsc_obs_win32("open_stream", h != INVALID_HANDLE_VALUE)) {
        FSC_CHECK(ReadFile(h, buf, sizeof buf, &done, NULL));
        fsc_obs_bytes("stream_reads", buf, done);
        CloseHandle(h);
    }
    WIN32_FILE_ATTRIBUTE_DATA ad;
    FSC_CHECK(GetFileAttributesExW(L"f", GetFileExInfoStandard, &ad));
    fsc_obs_int("main_size", (long long)ad.nFileSizeLow);
    int n;
    FSC_OK(fsc_op_list(".", NULL, 0, &n));
    fsc_obs_int("sandbox_entries", n);
    streams();
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
