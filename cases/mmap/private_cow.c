/*
 * mmap.private_cow — what a private mapping and its file see of each other's later writes.
 *
 * Steps: create "f" of 128 KiB of 'a'; open it read-write and map it
 * private, read-write; write 'X' through the mapping at offset 0; read byte
 * 0 of the file with read() (reports whether the file sees the private
 * write); then write 'b' with write() at offset 0 and at offset 64 KiB; read
 * both offsets through the mapping and report what each shows: "private"
 * (the mapping's own 'X'), "new" (the file's later 'b'), or "old" ('a').
 * The 64 KiB gap puts the two offsets on different pages for every page
 * size up to 64 KiB (and Windows' allocation granularity).
 *
 * Why: MAP_PRIVATE guarantees the file never sees the mapping's writes, but
 * whether the mapping sees LATER changes to the file is unspecified: pages
 * not yet written (copied) still share the page cache on Linux and so
 * change under the reader, while touched pages are frozen. Programs that map
 * a file privately as a "snapshot" (loaders, parsers, indexers) get
 * a mix of old and new content if the file is rewritten in place.
 *
 * References: POSIX.1-2024 mmap() (MAP_PRIVATE: "Modifications to the
 * mapped data by the calling process shall be visible only to the calling
 * process and shall not change the underlying object"; "It is unspecified
 * whether modifications to the underlying object done after the MAP_PRIVATE
 * mapping is established are visible through the MAP_PRIVATE mapping");
 * Linux mmap(2); MapViewOfFile FILE_MAP_COPY (Win32).
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 128 * 1024, GAP = 64 * 1024 };

static const char *what(const volatile char *p)
{
    char c = 0;
    fsc_mem_ok("reading the mapping", fsc_mem_read(p, &c));
    return c == 'X' ? "private" : c == 'b' ? "new" : c == 'a' ? "old" : "other";
}

static void put_at(fsc_fd fd, long long off, char c)
{
    size_t n;
    FSC_OK(fsc_op_seek(fd, off, FSC_SEEK_SET, NULL));
    FSC_OK(fsc_op_write(fd, &c, 1, &n));
    FSC_CHECK(n == 1);
}

static void probe(void)
{
    static char text[SIZE + 1];
    fsc_fd fd;
    void *map;
    char c = 0;
    size_t n;
    memset(text, 'a', SIZE);
    fsc_put("f", text);
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_map(fd, 0, SIZE, FSC_MAP_READ | FSC_MAP_WRITE | FSC_MAP_PRIVATE, &map));
    volatile char *m = map;
    fsc_mem_ok("writing the private mapping", fsc_mem_write(m, 'X'));
    FSC_OK(fsc_op_read(fd, &c, 1, &n));
    FSC_CHECK(n == 1);
    fsc_obs_bool("file_sees_private_write", c == 'X');
    put_at(fd, 0, 'b');
    put_at(fd, GAP, 'b');
    fsc_obs("touched_page_reads", "%s", what(m));
    fsc_obs("untouched_page_reads", "%s", what(m + GAP));
    FSC_OK(fsc_op_unmap(map, SIZE));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
