/*
 * open.directory_on_symlink — open(2) a symbolic link to a directory with O_DIRECTORY, and with O_DIRECTORY|O_NOFOLLOW.
 *
 * Steps: make directory "d" and the symbolic link "l" -> "d"; open "l"
 * with O_RDONLY|O_DIRECTORY, then with O_RDONLY|O_DIRECTORY|O_NOFOLLOW;
 * report each result. Skips where the file system cannot make symbolic
 * links.
 *
 * Why: O_DIRECTORY follows a link to a directory like any open, so only the
 * pair O_DIRECTORY|O_NOFOLLOW opens "a real directory, not a link to one"
 * — the idiom of fts(3), rm -r and systemd's chase() for walking a tree
 * without being led out of it. Which error that pair gives (ELOOP, as
 * O_NOFOLLOW requires, or ENOTDIR, because a link is not a directory)
 * decides whether the walker recognises "this was a link".
 *
 * References: POSIX.1-2024 open() (O_DIRECTORY; O_NOFOLLOW "[ELOOP]");
 * open(2) (O_DIRECTORY, O_NOFOLLOW).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void try_open(const char *name, int flags)
{
    int fd = (int)fsc_obs_sys(name, open("l", O_RDONLY | O_DIRECTORY | flags));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
}

static void probe(void)
{
    FSC_OK(fsc_op_mkdir("d"));
    if (symlink("d", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    try_open("follow", 0);
    try_open("nofollow", O_NOFOLLOW);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
