/*
 * fd.pwrite_append — pwrite at offset 0 through an O_APPEND descriptor: written at 0, or appended.
 *
 * Steps: create "f" holding "abcdef"; open it O_WRONLY|O_APPEND; pwrite
 * "XY" at offset 0 and report the result; report the file's content
 * ("XYcdef" if the offset was honoured, "abcdefXY" if it was appended).
 *
 * Why: POSIX says pwrite writes at the given offset, but Linux appends
 * whenever O_APPEND is set — a documented bug it keeps for compatibility.
 * Code that opens a log or database file with O_APPEND and then patches a
 * header with pwrite (record counts, checksums, WAL headers) corrupts the
 * file on Linux by appending the header instead.
 *
 * References: POSIX.1-2024 pwrite() (writes at the given position,
 * whether or not O_APPEND is set); pwrite(2) BUGS (on Linux pwrite on an
 * O_APPEND descriptor appends, whatever the offset).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void probe(void)
{
    fsc_put("f", "abcdef");
    int fd = open("f", O_WRONLY | O_APPEND);
    FSC_CHECK(fd >= 0);
    fsc_obs_sys("pwrite", pwrite(fd, "XY", 2, 0));
    FSC_CHECK(close(fd) == 0);
    fsc_obs_file("content", "f");
}
#else
static void probe(void) { fsc_skip("no_posix_pread"); }
#endif

FSC_PROBE(probe)
