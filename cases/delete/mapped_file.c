/*
 * delete.mapped_file — delete a memory-mapped file, then use the mapping.
 *
 * Steps: create "f" ("hello"); open it for reading and writing, map its 5
 * bytes shared for reading and writing, close the descriptor; unlink "f";
 * then read byte 0 through the mapping, write 'j' there and read it back;
 * unmap.
 *
 * Why: programs map files and drop the descriptor (databases, loaders,
 * caches, executables and shared libraries being upgraded in place). On
 * POSIX the mapping holds its own reference, so deleting the file is fine
 * and the memory stays valid; on Windows a mapped file cannot be deleted
 * (the section keeps it open), which is why updaters cannot replace a DLL
 * in use and why cleanup of mapped temporary files fails.
 *
 * References: POSIX.1-2024 mmap() ("The mmap() function shall add an extra
 * reference to the file associated with the file descriptor fildes which
 * is not removed by a subsequent close() on that file descriptor");
 * POSIX.1-2024 unlink(); mmap(2); DeleteFileW; CreateFileMappingW
 */
#include "fsc.h"

#include <string.h>

static void probe(void)
{
    fsc_fd fd;
    void *addr;
    char c = 0;
    fsc_put("f", "hello");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_map(fd, 0, 5, FSC_MAP_READ | FSC_MAP_WRITE, &addr));
    FSC_OK(fsc_op_close(fd));
    volatile char *p = addr;
    fsc_obs_op("unlink", fsc_op_unlink("f"));
    const char *r = fsc_mem_read(p, &c);
    fsc_obs("map_read", "%s", r);
    fsc_obs("map_read_value", "%c", !strcmp(r, "ok") && c > ' ' && c < 0x7f ? c : '?');
    fsc_obs("map_write", "%s", fsc_mem_write(p, 'j'));
    c = 0;
    r = fsc_mem_read(p, &c);
    fsc_obs("map_reread_value", "%c", !strcmp(r, "ok") && c > ' ' && c < 0x7f ? c : '?');
    FSC_OK(fsc_op_unmap(addr, 5));
}

FSC_PROBE(probe)
