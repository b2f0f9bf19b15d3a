/*
 * size.limit_4gib — grow a file past 4 GiB, by truncation and by a write at 4 GiB.
 *
 * Steps: create "f"; truncate it to 4 GiB + 1 bytes (fsc_op_truncate) and
 * report the result and the size class afterwards ("4g_plus_1", "0" or
 * "other"); truncate it back to 0; seek to 4 GiB (fsc_op_seek) and report
 * the result. Only if the truncation worked: write one byte there
 * (fsc_op_write), report the result and the size class, and truncate back
 * to 0 at once. Where the truncation failed, the write is not tried (its
 * observations are absent): it needs the same 4 GiB gap, and a filesystem
 * without sparse files would fill the whole volume trying (fusefat does,
 * then fails), breaking everything else that runs on it. On a filesystem
 * with sparse files all this costs a few blocks; on NTFS, whose files are
 * not sparse unless marked so, it takes 4 GiB of free space for a moment
 * (the write zero-fills the gap: seconds) or fails at the truncation.
 *
 * Why: 32-bit size limits still bite: FAT's largest file is 4 GiB - 1,
 * so disk images, videos and archives written to a USB stick fail at
 * 4 GiB, and code with a 32-bit offset (off_t without
 * _FILE_OFFSET_BITS=64, DWORD sizes, "long" on Windows) wraps there. The
 * probe shows where the limit lies and which error reports it.
 *
 * References: POSIX.1-2024 ftruncate(), write() (EFBIG: "An attempt was
 * made to write a file that exceeds the ... maximum file size");
 * write(2), truncate(2) (EFBIG); Microsoft Learn "SetEndOfFile",
 * "SetFilePointerEx", "File System Functionality Comparison" (maximum file
 * size: FAT32 4 GiB, NTFS and exFAT 2^64 - 1 bytes)
 */
#include "fsc.h"

#define G4 (1LL << 32)

static const char *size_class(fsc_fd fd)
{
    fsc_stat st;
    FSC_OK(fsc_op_fstat(fd, &st));
    return st.size == G4 + 1 ? "4g_plus_1" : st.size == 0 ? "0" : "other";
}

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    long long pos;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_CREATE | FSC_EXCL | FSC_SHARE_ALL, &fd));
    int err = fsc_op_truncate(fd, G4 + 1);
    fsc_obs_op("truncate_4g_plus_1", err);
    fsc_obs("size_after_truncate", "%s", size_class(fd));
    FSC_OK(fsc_op_truncate(fd, 0));
    fsc_obs_op("seek_4g", fsc_op_seek(fd, G4, FSC_SEEK_SET, &pos));
    if (!err) {
        fsc_obs_op("write_at_4g", fsc_op_write(fd, "x", 1, &n));
        fsc_obs("size_after_write", "%s", size_class(fd));
        FSC_OK(fsc_op_truncate(fd, 0));
    }
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
