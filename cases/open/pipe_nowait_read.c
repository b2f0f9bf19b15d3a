/*
 * open.pipe_nowait_read — ReadFile on an empty PIPE_NOWAIT pipe: with the writer connected, and after it closed its end.
 *
 * Steps: create a named byte pipe "\\.\pipe\fsconform-nowait-read-<pid>"
 * (PIPE_ACCESS_INBOUND, PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_NOWAIT)
 * and open its client end for writing. Read 16 bytes through the server
 * from the empty pipe ("empty_writer_open": the error, or `zero` when
 * ReadFile succeeds with 0 bytes); write "data" through the client and
 * read again ("with_data": the bytes); close the client and read again
 * ("empty_writer_closed"). Skips on POSIX.
 *
 * Why: the Windows counterpart of EAGAIN versus end-of-file
 * (open.nonblock_pipe_read): a nowait pipe reports "nothing yet" and "the
 * writer is gone" with two different errors, and a runtime emulating
 * O_NONBLOCK on Windows pipes (Cygwin, MSYS2, libuv) must map each to the
 * right POSIX answer or its event loop spins on a dead pipe.
 *
 * References: Microsoft Learn "Named Pipe Type, Read, and Wait Modes"
 * (nonblocking-wait mode),
 * https://learn.microsoft.com/en-us/windows/win32/ipc/named-pipe-type-read-and-wait-modes;
 * ReadFile (Pipes: ERROR_BROKEN_PIPE when the other end is closed),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-readfile
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static void try_read(const char *name, HANDLE h)
{
    char buf[16];
    DWORD n = 0;
    if (!ReadFile(h, buf, sizeof buf, &n, NULL))
        fsc_obs(name, "%s", fsc_win32_error_name(GetLastError()));
    else if (n == 0) fsc_obs(name, "%s", "zero");
    else fsc_obs_bytes(name, buf, n);
}

static void probe(void)
{
    wchar_t name[64];
    DWORD n = 0;
    swprintf(name, 64, L"\\\\.\\pipe\\fsconform-nowait-read-%lu", GetCurrentProcessId());
    HANDLE server = CreateNamedPipeW(name, PIPE_ACCESS_INBOUND,
                                     PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_NOWAIT, 1, 4096,
                                     4096, 0, NULL);
    FSC_CHECK(server != INVALID_HANDLE_VALUE);
    HANDLE client = CreateFileW(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(client != INVALID_HANDLE_VALUE);
    try_read("empty_writer_open", server);
    FSC_CHECK(WriteFile(client, "data", 4, &n, NULL) && n == 4);
    try_read("with_data", server);
    FSC_CHECK(CloseHandle(client));
    try_read("empty_writer_closed", server);
    FSC_CHECK(CloseHandle(server));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
