/*
 * fd.seek_hole_write — seek past the end of a file and write: the size, and the gap reading as zeros.
 *
 * Steps: create "f" holding "ab"; open it read-write; seek to offset 8 and
 * report the result; write "z" and report; report the size (9 when the
 * write landed at 8) and the file's bytes read back from the start (the gap
 * 2..7 must read as zero bytes).
 *
 * Why: writing at an offset beyond the end is how sparse files, database
 * pages and download managers (pre-positioned chunks) work. POSIX
 * promises that the gap reads as zeros; a file system that
 * leaves old disk blocks there leaks another file's data, one that refuses
 * the seek breaks every torrent client and VM disk image writer.
 *
 * References: POSIX.1-2024 lseek() (the offset may be set beyond the end;
 * data later written there leaves a gap that reads as bytes of value 0);
 * SetFilePointerEx (Microsoft Learn: setting the pointer beyond the end
 * is not an error; the file grows at the next write)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfilepointerex
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    fsc_stat st;
    size_t n;
    fsc_put("f", "ab");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_CRT, &fd));
    fsc_obs_op("seek", fsc_op_seek(fd, 8, FSC_SEEK_SET, NULL));
    fsc_obs_op("write", fsc_op_write(fd, "z", 1, &n));
    FSC_OK(fsc_op_fstat(fd, &st));
    fsc_obs_int("size", st.size);
    FSC_OK(fsc_op_seek(fd, 0, FSC_SEEK_SET, NULL));
    fsc_obs_read("content", fd);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
