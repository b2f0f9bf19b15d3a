/*
 * mmap.truncate_under_map — access through a shared mapping after the file is truncated to zero.
 *
 * Steps: create "f" of 128 KiB; open it read-write and map all of it shared,
 * read-only; read byte 0 through the mapping (must work); truncate the file
 * to 0 bytes through the descriptor (reports the result); read byte 0 and
 * the byte at 64 KiB through the mapping, guarded, and report each outcome:
 * "ok" or the fault ("SIGBUS", "SIGSEGV", ...). The 64 KiB offset is on
 * another page for every page size up to 64 KiB.
 *
 * Why: on POSIX systems truncation succeeds and pages of the mapping past
 * the new end of file raise SIGBUS on access, killing any program (a log
 * viewer, a database reader, a compiler mapping its input) whose file is
 * truncated by someone else; robust readers must catch SIGBUS or lock the
 * file. Windows refuses the truncation instead (ERROR_USER_MAPPED_FILE)
 * while a view exists, so the same program never faults there.
 *
 * References: POSIX.1-2024 mmap() ("References within the address range
 * starting at pa and continuing for len bytes to whole pages following the
 * end of an object shall result in delivery of a SIGBUS signal"),
 * ftruncate(); Linux mmap(2) ERRORS/SIGBUS; SetEndOfFile (Win32:
 * ERROR_USER_MAPPED_FILE).
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 128 * 1024, PAGE1 = 64 * 1024 };

static void probe(void)
{
    static char text[SIZE + 1];
    fsc_fd fd;
    void *map;
    char c;
    memset(text, 'a', SIZE);
    fsc_put("f", text);
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_map(fd, 0, SIZE, FSC_MAP_READ, &map));
    const char *m = map;
    fsc_mem_ok("reading the mapping before truncation", fsc_mem_read(m, &c));
    fsc_obs_op("truncate", fsc_op_truncate(fd, 0));
    fsc_obs("read_page0", "%s", fsc_mem_read(m, &c));
    fsc_obs("read_page1", "%s", fsc_mem_read(m + PAGE1, &c));
    FSC_OK(fsc_op_unmap(map, SIZE));
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
