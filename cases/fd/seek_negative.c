/*
 * fd.seek_negative — a seek whose resulting offset would be negative: the error, and where the offset stays.
 *
 * Steps: create "f" holding "abcdef"; open it for reading; seek to 2;
 * seek to -1 from the start and report the result; seek by -5 from the
 * current offset and report; read from there and report it ("cdef": the
 * offset did not move).
 *
 * Why: code computing a seek target from untrusted lengths (archive and
 * image parsers, "seek back N bytes" in log tailers) must get an error
 * rather than a clamped or wrapped offset. POSIX requires EINVAL and an
 * unchanged offset; Windows reports ERROR_NEGATIVE_SEEK. A library that
 * clamps to 0 silently re-reads the file from the start.
 *
 * References: POSIX.1-2024 lseek() ([EINVAL] "The whence argument is not a
 * proper value, or the resulting file offset would be negative for a
 * regular file"); SetFilePointer (Microsoft Learn: a negative new pointer
 * fails with ERROR_NEGATIVE_SEEK and the pointer does not move)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfilepointer
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "abcdef");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_seek(fd, 2, FSC_SEEK_SET, NULL));
    fsc_obs_op("seek_set_minus_1", fsc_op_seek(fd, -1, FSC_SEEK_SET, NULL));
    fsc_obs_op("seek_cur_minus_5", fsc_op_seek(fd, -5, FSC_SEEK_CUR, NULL));
    fsc_obs_read("next_read", fd);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
