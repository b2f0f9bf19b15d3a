/*
 * fd.read_writeonly — read through a descriptor or handle opened for writing only.
 *
 * Steps: create "f" holding "data"; open it for writing only (no
 * truncation); read from it and report the result (the error, or the bytes
 * if the read succeeded anyway).
 *
 * Why: a file opened write-only must not be readable through that
 * descriptor: POSIX requires EBADF, Windows ERROR_ACCESS_DENIED. Libraries
 * that open "w" files with more access than asked (some CRTs and language
 * runtimes add read access to make seeking or buffering work) let a read
 * succeed there and fail elsewhere, so the bug surfaces only when the code
 * moves platforms.
 *
 * References: POSIX.1-2024 read() ([EBADF] "The fildes argument is not a
 * valid file descriptor open for reading"); read(2); ReadFile (Microsoft
 * Learn: the handle must have been opened with read access)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-readfile
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "data");
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_CRT, &fd));
    fsc_obs_read("read", fd);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
