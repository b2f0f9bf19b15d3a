/*
 * link.creat_through_dangling — open with O_CREAT (no O_EXCL) of a dangling symbolic link creates its target.
 *
 * Steps: make "l" -> "t" where "t" does not exist; open "l" with
 * O_WRONLY|O_CREAT and write "via"; report the open, whether "t" now
 * exists and what it reads (target_reads), and whether "l" is still a
 * symbolic link. Then make "dl" -> "sub/t" (a missing directory) and
 * report open(O_CREAT) of "dl" (deep). Native POSIX; skips where
 * symlink() fails (FAT, exFAT, rclone, WebDAV) and on Windows.
 *
 * Why: a plain O_CREAT follows a final symbolic link even when its target
 * does not exist, and creates the target: the classic /tmp symlink attack
 * on programs that write predictable names without O_EXCL (and the reason
 * Linux has fs.protected_symlinks). With O_EXCL the open fails instead
 * (open.excl_dangling_symlink).
 *
 * References: POSIX.1-2024 open() (O_CREAT: "If the file exists, this flag
 * has no effect"; symbolic links in the last component are followed
 * unless O_EXCL or O_NOFOLLOW); open(2); CWE-59; Linux
 * Documentation/admin-guide/sysctl/fs.rst (protected_symlinks).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    struct stat st;
    if (symlink("t", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    FSC_CHECK(symlink("sub/t", "dl") == 0);
    int fd = (int)fsc_obs_sys("open", open("l", O_WRONLY | O_CREAT, 0666));
    if (fd >= 0) {
        FSC_CHECK(write(fd, "via", 3) == 3);
        close(fd);
    }
    const char *s = fsc_get("t");
    fsc_obs("target_reads", "%s", s ? s : "unreadable");
    FSC_CHECK(lstat("l", &st) == 0);
    fsc_obs_bool("link_is_symlink", S_ISLNK(st.st_mode));
    fd = (int)fsc_obs_sys("deep", open("dl", O_WRONLY | O_CREAT, 0666));
    if (fd >= 0) close(fd);
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
