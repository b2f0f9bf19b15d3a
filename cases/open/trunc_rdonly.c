/*
 * open.trunc_rdonly — open(2) an existing non-empty file with O_RDONLY|O_TRUNC.
 *
 * Steps: create "f" holding "hello"; open("f", O_RDONLY|O_TRUNC); report the
 * result; report the size of "f" afterwards.
 *
 * Why: POSIX leaves O_TRUNC without write access undefined, so a program
 * that passes O_TRUNC along with a read-only open (flag tables, wrappers
 * mapping "mode strings") destroys the file on one system and not on
 * another. Linux truncates (and needs write permission to do it); a system
 * may as well fail the open or ignore the flag.
 *
 * References: POSIX.1-2024 open() (O_TRUNC: "The result of using O_TRUNC
 * without either O_RDWR or O_WRONLY is undefined"); open(2) NOTES ("The
 * (undefined) effect of O_RDONLY | O_TRUNC varies among implementations. On
 * many systems the file is actually truncated.").
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>

static void probe(void)
{
    fsc_stat st;
    fsc_put("f", "hello");
    int fd = (int)fsc_obs_sys("open", open("f", O_RDONLY | O_TRUNC));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
    FSC_OK(fsc_op_stat("f", &st));
    fsc_obs_int("size_after", st.size);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
