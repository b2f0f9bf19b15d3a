/*
 * mmap.mtime_map_write — when a store through a shared mapping changes the file's modification time: at the store, at unmap, at close, or never.
 *
 * Steps: create "f" of 4096 bytes; set its access and modification times to
 * 2001-09-09T01:46:40Z; open it read-write, map it shared and read-write,
 * and store 'X' at byte 0 through the mapping; stat the file after the
 * store, after unmapping and after closing, and report the first of these
 * at which the mtime no longer is the one set ("store", "unmap", "close")
 * or "never"; then whether the file holds the 'X'. Setting an old time
 * first makes any update visible without waiting for the clock.
 *
 * Why: make, rsync, backup tools and editors decide what changed by
 * mtime. A program that writes its output through a mapping (linkers such
 * as lld and mold, databases, image writers) leaves a file whose mtime is
 * updated only at some later point — or not at all — and build tools then
 * skip a rebuild or a backup misses the file. POSIX allows the update
 * anywhere between the store and the next msync; Linux stamps it at the
 * first write fault where the file system supports it.
 *
 * References: POSIX.1-2024 mmap() ("The last data modification and last
 * file status change timestamps of a file that is mapped with MAP_SHARED and
 * PROT_WRITE shall be marked for update at some point in the interval
 * between a write reference to the mapped region and the next call to
 * msync() with MS_ASYNC or MS_SYNC for that portion of the file by any
 * process"); Linux mmap(2) NOTES; FlushViewOfFile,
 * https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-flushviewoffile.
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 4096 };

static int changed(fsc_time t, fsc_time was) { return t.sec != was.sec || t.nsec != was.nsec; }

static void probe(void)
{
    static char text[SIZE + 1];
    fsc_time past = {1000000000, 0};
    fsc_stat st;
    fsc_fd fd;
    void *map;
    const char *at = "never";
    memset(text, 'a', SIZE);
    fsc_put("f", text);
    FSC_OK(fsc_op_set_times("f", &past, &past));
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_map(fd, 0, SIZE, FSC_MAP_READ | FSC_MAP_WRITE, &map));
    fsc_mem_ok("storing through the mapping", fsc_mem_write(map, 'X'));
    FSC_OK(fsc_op_fstat(fd, &st));
    if (changed(st.mtime, past)) at = "store";
    FSC_OK(fsc_op_unmap(map, SIZE));
    FSC_OK(fsc_op_fstat(fd, &st));
    if (!strcmp(at, "never") && changed(st.mtime, past)) at = "unmap";
    FSC_OK(fsc_op_close(fd));
    FSC_OK(fsc_op_stat("f", &st));
    if (!strcmp(at, "never") && changed(st.mtime, past)) at = "close";
    fsc_obs("mtime_changed_at", "%s", at);
    const char *now = fsc_get("f");
    FSC_CHECK(now != NULL);
    fsc_obs_bool("file_has_store", now[0] == 'X');
}

FSC_PROBE(probe)
