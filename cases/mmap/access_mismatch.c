/*
 * mmap.access_mismatch — mapping a file opened read-only: shared read-write (refused), private read-write (copy-on-write), and a store through the private one.
 *
 * Steps: create "f" of 4096 bytes of 'a'; open it read-only; map it shared
 * and read-write (report ok or the error; unmapped if it worked); map it
 * private and read-write (report the same) and, where that worked, store
 * 'X' at byte 0 ("ok" or the fault), then report whether the file still
 * reads 'a' there ("unchanged") or 'X' ("changed").
 *
 * Why: loaders, patchers and parsers that edit a private copy of an input
 * file in place open it read-only and map it copy-on-write. Both POSIX and
 * Windows allow that and refuse a shared writable mapping of a read-only
 * descriptor or handle (EACCES, ERROR_ACCESS_DENIED); a library that maps
 * shared by default, or a platform that checked the private mapping
 * against the descriptor's access, breaks such programs.
 *
 * References: POSIX.1-2024 mmap() ("[EACCES] The fildes argument is not
 * open for read, regardless of the protection specified, or fildes is not
 * open for write and PROT_WRITE was specified for a MAP_SHARED type
 * mapping"); Linux mmap(2); CreateFileMappingW (PAGE_WRITECOPY needs only
 * GENERIC_READ; PAGE_READWRITE needs GENERIC_READ and GENERIC_WRITE),
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-createfilemappingw.
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 4096 };

static void probe(void)
{
    static char text[SIZE + 1];
    fsc_fd fd;
    void *map;
    memset(text, 'a', SIZE);
    fsc_put("f", text);
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd));
    int err = fsc_op_map(fd, 0, SIZE, FSC_MAP_READ | FSC_MAP_WRITE, &map);
    if (err == FSC_UNSUPPORTED) fsc_skip("backend_unsupported");
    fsc_obs_op("shared_write", err);
    if (!err) FSC_OK(fsc_op_unmap(map, SIZE));
    err = fsc_op_map(fd, 0, SIZE, FSC_MAP_READ | FSC_MAP_WRITE | FSC_MAP_PRIVATE, &map);
    fsc_obs_op("private_write", err);
    fsc_obs("private_store", "%s", err ? "none" : fsc_mem_write(map, 'X'));
    if (!err) FSC_OK(fsc_op_unmap(map, SIZE));
    FSC_OK(fsc_op_close(fd));
    const char *now = fsc_get("f");
    FSC_CHECK(now != NULL);
    fsc_obs("file", "%s", now[0] == 'a' ? "unchanged" : now[0] == 'X' ? "changed" : "other");
}

FSC_PROBE(probe)
