/*
 * perm.chmod_symlink — chmod through a symbolic link changes the target; fchmodat(AT_SYMLINK_NOFOLLOW) on the link.
 *
 * Steps: with umask 022 create "t" (mode 0644) and the link "l" -> "t";
 * fchmodat("l", 0600, AT_SYMLINK_NOFOLLOW) and report the result
 * (nofollow) and the target's mode after it (target_after_nofollow);
 * chmod("l", 0640) and report the result (follow), the target's mode
 * (target_after_follow) and the link's own mode as lstat shows it
 * (link_mode). Native POSIX; skips where symlink() fails (FAT, exFAT,
 * rclone, WebDAV) and on Windows.
 *
 * Why: "chmod -R" and archive extractors must not change a link's target
 * when they mean the link (a link into /etc inside an extracted tree);
 * POSIX lets a system refuse AT_SYMLINK_NOFOLLOW on a link
 * (EOPNOTSUPP), which Linux does (link modes mean nothing there), so the
 * caller must skip links itself instead of relying on the flag.
 *
 * References: POSIX.1-2024 chmod(), fchmodat() (AT_SYMLINK_NOFOLLOW;
 * [EOPNOTSUPP] "The AT_SYMLINK_NOFOLLOW bit is set in the flag argument,
 * path names a symbolic link, and the system does not support changing
 * the mode of a symbolic link"); chmod(2); symlink(7) (link permissions
 * are not used).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void mode_obs(const char *name, const char *path, int follow)
{
    struct stat st;
    FSC_CHECK((follow ? stat(path, &st) : lstat(path, &st)) == 0);
    fsc_obs(name, "%04o", (unsigned)(st.st_mode & 07777));
}

static void probe(void)
{
    umask(022);
    fsc_put("t", "x");   /* mode 0666 & ~022 */
    if (symlink("t", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    fsc_obs_sys("nofollow", fchmodat(AT_FDCWD, "l", 0600, AT_SYMLINK_NOFOLLOW));
    mode_obs("target_after_nofollow", "t", 1);
    fsc_obs_sys("follow", chmod("l", 0640));
    mode_obs("target_after_follow", "t", 1);
    mode_obs("link_mode", "l", 0);
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
