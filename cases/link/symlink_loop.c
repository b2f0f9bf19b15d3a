/*
 * link.symlink_loop — symbolic links that point at each other: what open, stat and lstat say.
 *
 * Steps: make "a" -> "b", "b" -> "a" and "self" -> "self"; report open
 * for reading of "a" and "self", open with O_CREAT of "a" (which would
 * create the target of a dangling link), stat of "a", stat of "a/x" (the
 * loop as a directory component), and lstat of "a" (the link itself).
 * Native POSIX; skips where symlink() fails (FAT, exFAT, rclone, WebDAV)
 * and on Windows.
 *
 * Why: find, tar, rsync, backup tools and language runtimes walking a
 * tree must tell a loop (ELOOP) from a missing file (ENOENT); a system or
 * file system that reports the loop as something else makes them report
 * a broken file, recurse, or create a file through the link.
 *
 * References: POSIX.1-2024 open(), stat() ([ELOOP] "A loop exists in
 * symbolic links encountered during resolution of the path argument"),
 * lstat(); path_resolution(7).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void open_obs(const char *name, const char *path, int flags)
{
    int fd = (int)fsc_obs_sys(name, open(path, flags, 0666));
    if (fd >= 0) close(fd);
}

static void probe(void)
{
    struct stat st;
    if (symlink("b", "a") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    FSC_CHECK(symlink("a", "b") == 0 && symlink("self", "self") == 0);
    open_obs("open_a", "a", O_RDONLY);
    open_obs("open_self", "self", O_RDONLY);
    open_obs("open_creat_a", "a", O_WRONLY | O_CREAT);
    fsc_obs_sys("stat_a", stat("a", &st));
    fsc_obs_sys("stat_a_child", stat("a/x", &st));
    fsc_obs_sys("lstat_a", lstat("a", &st));
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
