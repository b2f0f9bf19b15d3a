/*
 * fd.append_seek_write — seek to the start of a file opened for appending, then write: where the bytes go.
 *
 * Steps: create "f" holding "abc"; open it for writing with append
 * (O_APPEND; FILE_APPEND_DATA without FILE_WRITE_DATA); seek to offset 0
 * (a backend that cannot seek skips); write "X" and report; report the
 * file's content ("abcX": every write goes to the end, whatever the
 * position).
 *
 * Why: logs, journals and mailboxes are written by several processes at
 * once through append descriptors, relying on each write landing at the
 * end atomically even after someone seeks. A library that emulates append
 * by seeking to the end before writing (with a race), or that honours the
 * seek, interleaves or overwrites records.
 *
 * References: POSIX.1-2024 write() ("If the O_APPEND flag of the file
 * status flags is set, the file offset shall be set to the end of the file
 * prior to each write"); open(2) (O_APPEND); CreateFileW and File Access
 * Rights Constants (FILE_APPEND_DATA without FILE_WRITE_DATA: writes go to
 * the end) https://learn.microsoft.com/windows/win32/fileio/file-access-rights-constants
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    fsc_put("f", "abc");
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_APPEND | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_seek(fd, 0, FSC_SEEK_SET, NULL));
    fsc_obs_op("write", fsc_op_write(fd, "X", 1, &n));
    FSC_OK(fsc_op_close(fd));
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
