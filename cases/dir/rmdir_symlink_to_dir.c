/*
 * dir.rmdir_symlink_to_dir — rmdir of a symbolic link that points to a directory.
 *
 * Steps: make the empty directory "d" and the symbolic link "l" -> "d";
 * rmdir "l" and then "l/" (with a trailing slash, which resolves the link);
 * report each result and whether "l" (lstat) and "d" still exist. Native
 * POSIX; skips where symlink() fails (FAT, exFAT, rclone, WebDAV) and on
 * Windows.
 *
 * Why: "rm -r" and tree cleaners must unlink a link to a directory, never
 * descend or remove its target; rmdir on the link fails (ENOTDIR), and a
 * trailing slash — which shell completion adds to a link to a directory —
 * makes the name mean the directory itself, so "rmdir link/" could remove
 * the target where the system allows it. Code that falls back from
 * unlink to rmdir on error, or the reverse, needs to know which.
 *
 * References: POSIX.1-2024 rmdir() ([ENOTDIR] "A component of path names
 * an existing file that is neither a directory nor a symbolic link to a
 * directory"), XBD 4.16 "Pathname Resolution" (a trailing slash resolves
 * a final symbolic link); rmdir(2) (ENOTDIR; EINVAL/ENOTDIR for "l/").
 */
#include "fsc.h"

#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    struct stat st;
    FSC_CHECK(mkdir("d", 0777) == 0);
    if (symlink("d", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    fsc_obs_sys("rmdir_link", rmdir("l"));
    fsc_obs_sys("rmdir_link_slash", rmdir("l/"));
    fsc_obs_bool("link_left", lstat("l", &st) == 0);
    fsc_obs_bool("target_left", lstat("d", &st) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
