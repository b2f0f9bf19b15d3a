/*
 * mmap.truncate_extend_under_map — a mapped file shrunk to zero and grown back: what the mapping shows, and a later write() past the old end.
 *
 * Steps: create "f" of 128 KiB of 'a'; open it read-write and map all of it
 * shared, read-only; truncate the file to 0, then extend it to 128 KiB
 * again (report both results); read byte 0 and the byte at 64 KiB through
 * the mapping and report each: "old" ('a'), "zero", or the fault; then
 * write 'b' at 64 KiB with write() (report ok or the error) and report what
 * the mapping shows there ("none" if the write failed).
 *
 * Why: mmap.truncate_under_map shows the shrink; this is the other half.
 * Log files truncated by logrotate's copytruncate and then written again,
 * or a database file shrunk and regrown by VACUUM, are read through
 * long-lived mappings (tail -f style viewers, LMDB readers). On POSIX the
 * regrown range is a hole: the mapping reads zeros, never the old content,
 * and stays coherent with later writes. Windows refuses the shrink while a
 * view exists, so the old data survives and the "regrow" is a no-op.
 *
 * References: POSIX.1-2024 ftruncate() ("If the file size is increased,
 * the extended area shall appear as if it were zero-filled"), mmap();
 * SetEndOfFile (ERROR_USER_MAPPED_FILE),
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setendoffile.
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 128 * 1024, PAGE1 = 64 * 1024 };

static const char *what(const char *p)
{
    char c = 0;
    const char *r = fsc_mem_read(p, &c);
    return strcmp(r, "ok") ? r : c == 'a' ? "old" : c == 'b' ? "new" : c == 0 ? "zero" : "other";
}

static void probe(void)
{
    static char text[SIZE + 1];
    fsc_fd fd;
    void *map;
    size_t n;
    memset(text, 'a', SIZE);
    fsc_put("f", text);
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_map(fd, 0, SIZE, FSC_MAP_READ, &map));
    const char *m = map;
    fsc_obs_op("shrink", fsc_op_truncate(fd, 0));
    fsc_obs_op("grow", fsc_op_truncate(fd, SIZE));
    fsc_obs("page0_reads", "%s", what(m));
    fsc_obs("page1_reads", "%s", what(m + PAGE1));
    FSC_OK(fsc_op_seek(fd, PAGE1, FSC_SEEK_SET, NULL));
    int err = fsc_op_write(fd, "b", 1, &n);
    fsc_obs_op("write", err);
    fsc_obs("page1_after_write", "%s", err ? "none" : what(m + PAGE1));
    FSC_OK(fsc_op_unmap(map, SIZE));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
