/*
 * fd.ftruncate_rdonly — truncate a file through a descriptor or handle opened for reading only.
 *
 * Steps: create "f" holding "hello"; open it for reading; truncate it to 0
 * through that descriptor and report the result (ftruncate, SetEndOfFile);
 * report the file's size afterwards.
 *
 * Why: a library that truncates through whatever handle it was given
 * (log rotation "copytruncate", a database shrinking its file, Python's
 * file.truncate()) gets a different error per platform for the same
 * mistake: POSIX allows EBADF or EINVAL, Linux gives EINVAL, Windows
 * ERROR_ACCESS_DENIED — so code that only checks one of them reports a
 * confusing message, and the file must stay as it was.
 *
 * References: POSIX.1-2024 ftruncate() ([EBADF] or [EINVAL] "The fildes
 * argument is not a file descriptor open for writing"; [EINVAL] "The
 * fildes argument references a file that was opened without write
 * permission"); ftruncate(2); SetEndOfFile (Microsoft Learn: the handle
 * needs GENERIC_WRITE access)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setendoffile
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_stat st;
    fsc_put("f", "hello");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &fd));
    fsc_obs_op("truncate", fsc_op_truncate(fd, 0));
    FSC_OK(fsc_op_close(fd));
    FSC_OK(fsc_op_stat("f", &st));
    fsc_obs_int("size_after", st.size);
}

FSC_PROBE(probe)
