/*
 * mmap.zero_length_file — mapping a file that holds no bytes: with length 0, with one page, and touching that page.
 *
 * Steps: create the empty file "f"; open it read-write; map it read-only
 * with length 0 (report the result); map it read-only with length 4096
 * (report the result) and, where that worked, read byte 0 through the
 * mapping, guarded, and report "ok" or the fault ("SIGBUS", ...), else "none".
 *
 * Why: programs that map their input instead of reading it (grep, ripgrep,
 * git, compilers, databases opening a fresh file) meet empty files all the
 * time. POSIX refuses a zero length (EINVAL) but lets a mapping extend past
 * the end of the file, so a one-page mapping of an empty file succeeds and
 * the first access kills the process with SIGBUS; Windows refuses to create
 * a mapping object for an empty file at all (ERROR_FILE_INVALID), whatever
 * length the view asks for. Every such program needs an "empty file" branch,
 * and which call fails differs.
 *
 * References: POSIX.1-2024 mmap() ("[EINVAL] The value of len is zero";
 * "References within the address range ... to whole pages following the end
 * of an object shall result in delivery of a SIGBUS signal"); Linux mmap(2);
 * CreateFileMappingW ("An attempt to map a file with a length of 0 (zero)
 * fails with an error code of ERROR_FILE_INVALID"),
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-createfilemappingw.
 */
#include "fsc.h"

enum { PAGE = 4096 };

static void probe(void)
{
    fsc_fd fd;
    void *map;
    char c;
    fsc_put("f", "");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    int err = fsc_op_map(fd, 0, 0, FSC_MAP_READ, &map);
    if (err == FSC_UNSUPPORTED) fsc_skip("backend_unsupported");
    fsc_obs_op("map_len0", err);
    if (!err) FSC_OK(fsc_op_unmap(map, 0));
    err = fsc_op_map(fd, 0, PAGE, FSC_MAP_READ, &map);
    fsc_obs_op("map_page", err);
    fsc_obs("page_read", "%s", err ? "none" : fsc_mem_read(map, &c));
    if (!err) FSC_OK(fsc_op_unmap(map, PAGE));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
