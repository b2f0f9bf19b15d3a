/*
 * open.pipe_nowait_write — WriteFile on a PIPE_NOWAIT byte pipe that is full or nearly full: does it fail, write nothing, or write part?
 *
 * Steps: create a named byte pipe "\\.\pipe\fsconform-nowait-<pid>"
 * (PIPE_ACCESS_OUTBOUND, PIPE_TYPE_BYTE | PIPE_NOWAIT, 4096-byte buffers)
 * and open its client end for reading. Fill it from the server with
 * 1024-byte writes until one does not write all 1024 bytes, at most 1024
 * writes ("fill_ends": zero when WriteFile succeeds with 0 bytes, partial,
 * the Win32 error, or never). With the pipe full: write 1 byte
 * ("full.write_small") and 8192 bytes ("full.write_large"). Read 512
 * bytes through the client, then write 1024 bytes
 * ("some_free.write_1024") and 256 bytes ("some_free.write_256"). Each write reports all, partial, zero (TRUE
 * with no bytes written) or the error. Skips on POSIX.
 *
 * Why: PIPE_NOWAIT is Windows' non-blocking pipe mode (kept for LAN
 * Manager compatibility; overlapped I/O is recommended instead), and
 * runtimes that emulate O_NONBLOCK on Windows pipes with it (Cygwin, MSYS2,
 * Python's os.set_blocking on Windows pipes, libuv's pipe writes) must map
 * its answers to POSIX ones: where POSIX says EAGAIN, a nowait pipe
 * reports success with zero bytes, which a naive caller retries forever
 * or takes as end of stream.
 *
 * References: Microsoft Learn "Named Pipe Type, Read, and Wait Modes"
 * (nonblocking-wait mode: ReadFile, WriteFile return immediately),
 * https://learn.microsoft.com/en-us/windows/win32/ipc/named-pipe-type-read-and-wait-modes;
 * CreateNamedPipeW (PIPE_NOWAIT); FILE_PIPE_INFORMATION
 * (FILE_PIPE_COMPLETE_OPERATION)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>

static char buf[8192];

static const char *write_class(HANDLE h, DWORD n)
{
    DWORD done = 0;
    if (!WriteFile(h, buf, n, &done, NULL)) return fsc_win32_error_name(GetLastError());
    return done == n ? "all" : done ? "partial" : "zero";
}

static void probe(void)
{
    wchar_t name[64];
    DWORD n = 0;
    const char *c = "never";
    swprintf(name, 64, L"\\\\.\\pipe\\fsconform-nowait-%lu", GetCurrentProcessId());
    HANDLE server = CreateNamedPipeW(name, PIPE_ACCESS_OUTBOUND, PIPE_TYPE_BYTE | PIPE_NOWAIT, 1,
                                     4096, 4096, 0, NULL);
    FSC_CHECK(server != INVALID_HANDLE_VALUE);
    HANDLE client = CreateFileW(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(client != INVALID_HANDLE_VALUE);
    for (int i = 0; i < 1024; i++) {
        c = write_class(server, 1024);
        if (strcmp(c, "all")) break;
        c = "never";
    }
    fsc_obs("fill_ends", "%s", c);
    fsc_obs("full.write_small", "%s", write_class(server, 1));
    fsc_obs("full.write_large", "%s", write_class(server, 8192));
    FSC_CHECK(ReadFile(client, buf, 512, &n, NULL) && n == 512);
    fsc_obs("some_free.write_1024", "%s", write_class(server, 1024));
    fsc_obs("some_free.write_256", "%s", write_class(server, 256));
    FSC_CHECK(CloseHandle(client) && CloseHandle(server));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
