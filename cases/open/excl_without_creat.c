/*
 * open.excl_without_creat — open(2) with O_EXCL but without O_CREAT, on an existing file and on a missing one.
 *
 * Steps: create "f"; open "f" with O_RDONLY|O_EXCL and report the result;
 * open the missing "m" the same way and report.
 *
 * Why: O_EXCL means something only with O_CREAT (POSIX leaves it undefined
 * otherwise, except for block devices on Linux, where it asks for an
 * exclusive open). Flag-table wrappers that pass O_EXCL for an "exclusive"
 * mode without creating get an open that succeeds on an existing file —
 * no exclusivity at all — where they expected EEXIST.
 *
 * References: POSIX.1-2024 open() (O_EXCL without O_CREAT: undefined);
 * open(2) (O_EXCL: undefined without O_CREAT, block devices excepted).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void try_open(const char *name, const char *path)
{
    int fd = (int)fsc_obs_sys(name, open(path, O_RDONLY | O_EXCL));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
}

static void probe(void)
{
    fsc_put("f", "x");
    try_open("existing", "f");
    try_open("missing", "m");
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
