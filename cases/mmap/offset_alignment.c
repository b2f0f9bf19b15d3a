/*
 * mmap.offset_alignment — which file offsets a mapping may start at: not page-aligned (100), page-aligned (4096), allocation-granularity-aligned (65536).
 *
 * Steps: create "f" of 128 KiB; open it read-only; map 4096 bytes read-only
 * at offset 100, 4096 and 65536, and report each "ok" or the error (the
 * mappings that worked are unmapped at once).
 *
 * Why: code that maps a record or a window of a large file (databases,
 * columnar readers, memory-mapped logs) rounds the offset down. POSIX asks
 * for a multiple of the page size (4 KiB here); Windows asks for a multiple
 * of the allocation granularity (64 KiB), so a page-aligned offset that
 * works everywhere else fails there with ERROR_MAPPED_ALIGNMENT and the
 * portable code must round to 64 KiB.
 *
 * References: POSIX.1-2024 mmap() ("[EINVAL] The addr argument (if
 * MAP_FIXED was specified) or off is not a multiple of the page size as
 * returned by sysconf()"); Linux mmap(2); MapViewOfFile
 * (dwFileOffsetLow: "The combination of the high and low offsets must
 * specify an offset within the file mapping. They must also match the
 * memory allocation granularity of the system"),
 * https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-mapviewoffile;
 * GetSystemInfo dwAllocationGranularity.
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 128 * 1024, LEN = 4096 };

static void probe(void)
{
    static const struct {
        const char *name;
        long long off;
    } offsets[] = {{"off_100", 100}, {"off_4096", 4096}, {"off_65536", 65536}};
    static char text[SIZE + 1];
    fsc_fd fd;
    void *map;
    memset(text, 'a', SIZE);
    fsc_put("f", text);
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd));
    for (int i = 0; i < 3; i++) {
        int err = fsc_op_map(fd, offsets[i].off, LEN, FSC_MAP_READ, &map);
        if (err == FSC_UNSUPPORTED) fsc_skip("backend_unsupported");
        fsc_obs_op(offsets[i].name, err);
        if (!err) FSC_OK(fsc_op_unmap(map, LEN));
    }
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
