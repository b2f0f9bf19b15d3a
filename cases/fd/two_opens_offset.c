/*
 * fd.two_opens_offset — two separate opens of one file in one process each have their own offset.
 *
 * Steps: create "f" holding "abcdef"; open it twice for reading; read 2
 * bytes through the first; read through the second and report what it
 * reads ("abcdef": its own offset, still 0); then read through the first
 * and report ("cdef": its offset was not moved by the second).
 *
 * Why: each open creates a new open file description (Windows: a new file
 * object) with its own position, unlike dup or inheritance (fd.dup_shares,
 * fd.offset_exec). Code that opens a file twice to read two regions (a
 * zip reader's central directory and entries, an indexer reading a header
 * and a body) relies on the two positions being independent; a library
 * that caches and reuses descriptors per path breaks that.
 *
 * References: POSIX.1-2024 open() (each open creates a new open file
 * description), XBD 3 "Open File Description"; CreateFileW (each call
 * opens a new file object)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew
 */
#include "fsc.h"

static void probe(void)
{
    fsc_fd a, b;
    char buf[2];
    size_t n;
    fsc_put("f", "abcdef");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &a));
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &b));
    FSC_OK(fsc_op_read(a, buf, 2, &n));
    FSC_CHECK(n == 2);
    fsc_obs_read("second_reads", b);
    fsc_obs_read("first_reads_rest", a);
    FSC_OK(fsc_op_close(a));
    FSC_OK(fsc_op_close(b));
}

FSC_PROBE(probe)
