/*
 * fd.write_readonly — write through a descriptor or handle opened for reading only.
 *
 * Steps: create "f" holding "data"; open it for reading only; write one
 * byte through it and report the result; report the file's content
 * afterwards (it must still be "data").
 *
 * Why: writing through a read-only descriptor must fail without touching
 * the file: POSIX requires EBADF, Windows ERROR_ACCESS_DENIED. Programs that
 * reuse a handle for a "quick fix-up write" (updating a header, appending
 * a marker) get a different error per platform, and a library that opened
 * the file with more access than asked would let the write through.
 *
 * References: POSIX.1-2024 write() ([EBADF] "The fildes argument is not a
 * valid file descriptor open for writing"); write(2); WriteFile (Microsoft
 * Learn: the handle must have been opened with write access)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-writefile
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    fsc_put("f", "data");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &fd));
    fsc_obs_op("write", fsc_op_write(fd, "x", 1, &n));
    FSC_OK(fsc_op_close(fd));
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
