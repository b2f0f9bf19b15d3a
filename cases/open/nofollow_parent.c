/*
 * open.nofollow_parent — open(2) with O_NOFOLLOW through a symbolic link that is not the last component.
 *
 * Steps: make directory "d" holding "d/f" ("x") and the symbolic link
 * "l" -> "d"; open "l/f" with O_RDONLY|O_NOFOLLOW; report the result and
 * what it reads. Skips where the file system cannot make symbolic links.
 *
 * Why: O_NOFOLLOW only looks at the last component: links in the directory
 * part are still followed. Programs that believe O_NOFOLLOW makes a whole
 * path safe (extractors writing "dir/name", services opening files in a
 * user-writable tree) can still be redirected by a link one level up;
 * Linux's openat2 RESOLVE_NO_SYMLINKS and FreeBSD's O_RESOLVE_BENEATH exist
 * for that reason.
 *
 * References: POSIX.1-2024 open() (O_NOFOLLOW: "If path names a symbolic
 * link"; only the final component); open(2) (O_NOFOLLOW: "Symbolic links
 * in earlier components of the pathname will still be followed");
 * openat2(2) (RESOLVE_NO_SYMLINKS).
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
    char buf[8];
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "x");
    if (symlink("d", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    int fd = (int)fsc_obs_sys("open", open("l/f", O_RDONLY | O_NOFOLLOW));
    if (fd < 0) return;
    ssize_t n = read(fd, buf, sizeof buf);
    FSC_CHECK(n >= 0);
    fsc_obs_bytes("reads", buf, (size_t)n);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
