/*
 * fd.zero_write_past_eof — a write of zero bytes at a position beyond the end of a file: does the file grow.
 *
 * Steps: create "f" holding "ab"; open it for writing; seek to offset 100;
 * write 0 bytes and report the result and the count ("0"); report the
 * file's size (2 if the empty write changed nothing, 100 if it extended
 * the file to the position).
 *
 * Why: buffered writers flush an empty buffer (a zero-length write) after
 * positioning, and copy loops write the last, empty chunk; if that extends
 * the file to the position, a "seek then maybe write" leaves a file of the
 * wrong size. POSIX says a zero-length write to a regular file has no
 * other result; Windows leaves a null write's effect to the file system.
 *
 * References: POSIX.1-2024 write() ("If nbyte is zero and the file is a
 * regular file, the write() function may detect and return errors ... in
 * the absence of errors, or if error detection is not performed, the
 * write() function shall return zero and have no other results"); WriteFile
 * (Microsoft Learn: a zero-byte "null write" is file-system dependent)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-writefile
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_stat st;
    size_t n = 99;
    fsc_put("f", "ab");
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_seek(fd, 100, FSC_SEEK_SET, NULL));
    int err = fsc_op_write(fd, "", 0, &n);
    fsc_obs_op("write", err);
    if (!err) fsc_obs_int("count", (long long)n);
    FSC_OK(fsc_op_fstat(fd, &st));
    fsc_obs_int("size", st.size);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
