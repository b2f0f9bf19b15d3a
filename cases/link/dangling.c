/*
 * link.dangling — a symbolic link whose target does not exist: stat, lstat, open, readlink, access.
 *
 * Steps: make "l" -> "missing"; report stat (follows: the error), lstat
 * (the link itself: ok, and whether it is a symbolic link), open for
 * reading, readlink (the target as stored), and access(F_OK). Native
 * POSIX; skips where symlink() fails (FAT, exFAT, rclone, WebDAV) and on
 * Windows.
 *
 * Why: "does this file exist?" has two answers for a dangling link:
 * stat/access say no (ENOENT), lstat says yes. Cleanup tools that test
 * with stat leave dangling links behind forever; tools that test with
 * lstat then open get ENOENT on a name they just "saw"; Python's
 * os.path.exists and Go's os.Stat follow the link, os.path.lexists and
 * os.Lstat do not.
 *
 * References: POSIX.1-2024 stat(), lstat(), readlink(), access();
 * symlink(7).
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    struct stat st;
    char buf[32];
    if (symlink("missing", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    fsc_obs_sys("stat", stat("l", &st));
    if (fsc_obs_sys("lstat", lstat("l", &st)) == 0) fsc_obs_bool("lstat_is_link", S_ISLNK(st.st_mode));
    int fd = (int)fsc_obs_sys("open", open("l", O_RDONLY));
    if (fd >= 0) close(fd);
    ssize_t n = readlink("l", buf, sizeof buf);
    if (n < 0) fsc_obs("readlink", "%s", fsc_errno_name(errno));
    else fsc_obs_bytes("readlink", buf, (size_t)n);
    fsc_obs_sys("access", access("l", F_OK));
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
