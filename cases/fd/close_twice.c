/*
 * fd.close_twice — close a descriptor or handle, then close it again.
 *
 * Steps: create "f"; open it for reading; close it and report; close the
 * same value again and report the result (POSIX: EBADF; Win32
 * CloseHandle: ERROR_INVALID_HANDLE). Nothing is opened between the two
 * closes, so the value cannot have been reused.
 *
 * Why: a double close is a classic bug in cleanup paths (an error branch
 * that closes, then the common exit that closes again). It is harmless
 * only while nothing reused the number; in threaded programs the second
 * close hits another thread's freshly opened file. Whether the platform or
 * library reports it (EBADF, ERROR_INVALID_HANDLE, Go's "file already
 * closed") or ignores it decides whether such bugs are ever noticed.
 *
 * References: POSIX.1-2024 close() ([EBADF]: fildes is not a valid open
 * descriptor); close(2); CloseHandle (Microsoft Learn: an invalid handle
 * raises an exception under a debugger; otherwise the call fails)
 * https://learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "x");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &fd));
    fsc_obs_op("close", fsc_op_close(fd));
    fsc_obs_op("close_again", fsc_op_close(fd));
}

FSC_PROBE(probe)
