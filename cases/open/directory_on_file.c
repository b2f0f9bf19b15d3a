/*
 * open.directory_on_file — open(2) a regular file with O_DIRECTORY.
 *
 * Steps: create "f" holding "x"; open it with O_RDONLY|O_DIRECTORY and
 * report the result; make directory "d" and open it the same way (the
 * control).
 *
 * Why: O_DIRECTORY is the race-free way to say "this must be a directory"
 * (opendir, fts, find, nftw and every *at()-based tree walker open with
 * it, so a directory swapped for a file between stat and open is refused).
 * POSIX requires ENOTDIR; a platform that ignores the flag hands a tree
 * walker a file descriptor it then reads as a directory.
 *
 * References: POSIX.1-2024 open() (O_DIRECTORY: "If path resolves to a
 * non-directory file, fail and set errno to [ENOTDIR]"); open(2)
 * (O_DIRECTORY).
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
    int fd = (int)fsc_obs_sys(name, open(path, O_RDONLY | O_DIRECTORY));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
}

static void probe(void)
{
    fsc_put("f", "x");
    FSC_OK(fsc_op_mkdir("d"));
    try_open("open_file", "f");
    try_open("open_dir", "d");
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
