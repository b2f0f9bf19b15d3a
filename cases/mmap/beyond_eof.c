/*
 * mmap.beyond_eof — the bytes after the end of file in the last mapped page, and a mapping longer than the file.
 *
 * Steps: create "f" of 100 bytes of 'a'; open it read-write and map its 100
 * bytes shared, read-write; read byte 100 (past the end, same page) and
 * report "zero", "nonzero" or the fault; write 'Z' at byte 200 (same page)
 * and report "ok" or the fault; unmap and report the file's size and
 * whether a 'Z' reached it. Then map 128 KiB of the 100-byte file read-only
 * (report the result) and, where that worked, read the byte at 64 KiB (a
 * whole page past the end: "ok" or the fault, else "none").
 *
 * Why: the tail of the last page is the classic trap of mmap-based readers:
 * a parser that scans for a terminator past the end reads zeros (POSIX
 * promises zero-fill) and stores there are silently discarded, never
 * extending the file — a program "appending" through its mapping loses the
 * data. A mapping longer than the file is allowed on POSIX and faults with
 * SIGBUS only when touched; Windows refuses the view outright because a view
 * cannot exceed its section.
 *
 * References: POSIX.1-2024 mmap() ("The system shall always zero-fill any
 * partial page at the end of an object. Further, the system shall never
 * write out any modified portions of the last page of an object which are
 * beyond its end"; whole pages past the end: SIGBUS); Linux mmap(2) NOTES;
 * MapViewOfFile (the view must lie within the file mapping object),
 * https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-mapviewoffile.
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 100, BIG = 128 * 1024, FAR = 64 * 1024 };

static void probe(void)
{
    char text[SIZE + 1], c = 0;
    fsc_fd fd;
    fsc_stat st;
    void *map;
    memset(text, 'a', SIZE);
    text[SIZE] = 0;
    fsc_put("f", text);
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_map(fd, 0, SIZE, FSC_MAP_READ | FSC_MAP_WRITE, &map));
    char *m = map;
    const char *r = fsc_mem_read(m + SIZE, &c);
    fsc_obs("tail_read", "%s", strcmp(r, "ok") ? r : c ? "nonzero" : "zero");
    fsc_obs("tail_write", "%s", fsc_mem_write(m + 2 * SIZE, 'Z'));
    FSC_OK(fsc_op_unmap(map, SIZE));
    FSC_OK(fsc_op_fstat(fd, &st));
    fsc_obs_int("size_after", st.size);
    const char *now = fsc_get("f");
    FSC_CHECK(now != NULL);
    fsc_obs_bool("file_has_z", strchr(now, 'Z') != NULL);
    int err = fsc_op_map(fd, 0, BIG, FSC_MAP_READ, &map);
    fsc_obs_op("map_past_eof", err);
    fsc_obs("far_page_read", "%s", err ? "none" : fsc_mem_read((char *)map + FAR, &c));
    if (!err) FSC_OK(fsc_op_unmap(map, BIG));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
