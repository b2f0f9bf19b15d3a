/*
 * mmap.shared_sees_write — whether a write() to a file shows through an existing shared mapping.
 *
 * Steps: create "f" holding "old-data"; open it read-write and map its 8
 * bytes shared, read-only; write "new" at offset 0 with an ordinary write;
 * read the first 3 bytes through the mapping (guarded against faults) and
 * report them: "new", "old", or "mixed".
 *
 * Why: with a unified page cache (Linux, the BSDs, macOS) a mapping and
 * read()/write() are two views of the same pages, and databases (LMDB,
 * SQLite in mmap mode) and tools that map input while another process
 * writes rely on it. Neither POSIX nor Win32 promises it: systems with a
 * separate buffer cache (old HP-UX) and network file systems with client
 * caching show stale data until msync or a new mapping, and Windows
 * documents no coherence between a view and ReadFile/WriteFile.
 *
 * References: POSIX.1-2024 mmap() ("If MAP_SHARED is specified, write
 * references shall change the underlying object"; nothing about a later
 * write() through a descriptor), msync(); Linux mmap(2); MapViewOfFile
 * remarks ("A mapped view of a file is not guaranteed to be coherent with a
 * file that is being accessed by the ReadFile or WriteFile function").
 */
#include "fsc.h"

#include <string.h>

static void probe(void)
{
    fsc_fd fd;
    void *map;
    char seen[4] = {0};
    size_t n;
    fsc_put("f", "old-data");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_map(fd, 0, 8, FSC_MAP_READ, &map));
    FSC_OK(fsc_op_write(fd, "new", 3, &n));
    FSC_CHECK(n == 3);
    for (int i = 0; i < 3; i++) {
        const char *r = fsc_mem_read((const char *)map + i, &seen[i]);
        if (strcmp(r, "ok")) fsc_fail("reading the mapping: %s", r);
    }
    fsc_obs("map_reads", "%s",
            !strcmp(seen, "new") ? "new" : !strcmp(seen, "old") ? "old" : "mixed");
    FSC_OK(fsc_op_unmap(map, 8));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
