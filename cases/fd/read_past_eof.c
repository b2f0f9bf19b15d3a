/*
 * fd.read_past_eof — read at a position beyond the end of a file: no error, no bytes, no growth.
 *
 * Steps: create "f" holding "ab"; open it for reading; seek to offset 100
 * (a backend that cannot seek skips); read and report what came back
 * ("empty": 0 bytes and no error); report the file's size (still 2).
 *
 * Why: readers that seek to a recorded position (an index into a log
 * that was truncated or rotated since, a resumed download) must see end of
 * file there, not an error and not a file that grew: POSIX and Windows
 * both return a successful zero-byte read. Code that treats 0 as an error
 * or loops until it gets data spins for ever.
 *
 * References: POSIX.1-2024 read() ("No data transfer shall occur past the
 * current end-of-file. If the starting position is at or after the
 * end-of-file, 0 shall be returned"); ReadFile (Microsoft Learn: a
 * synchronous read at or past the end succeeds with 0 bytes read)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-readfile
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_stat st;
    fsc_put("f", "ab");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_seek(fd, 100, FSC_SEEK_SET, NULL));
    fsc_obs_read("read", fd);
    FSC_OK(fsc_op_fstat(fd, &st));
    fsc_obs_int("size", st.size);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
