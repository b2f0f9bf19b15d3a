/*
 * link.linkat_symlink — a hard link made from a symbolic link: to the link itself or to its target?
 *
 * Steps: create "t" and the symbolic link "l" -> "t"; make hard links
 * from "l" with link() ("h_link"), linkat(flags 0) ("h_at") and
 * linkat(AT_SYMLINK_FOLLOW) ("h_follow"); report each result and what
 * the new name is (lstat: symlink or file). Then with the dangling link
 * "dl" -> "missing", linkat(AT_SYMLINK_FOLLOW) ("h_dangling": result).
 * Native POSIX; skips where symlink() fails (FAT, exFAT, rclone, WebDAV)
 * and on Windows.
 *
 * Why: "cp -al", backup deduplication (rsnapshot, rsync --link-dest) and
 * package stores hard-link whole trees. POSIX lets link() either follow a
 * final symbolic link or not; Linux's link() does not (a second name for
 * the link), while linkat with AT_SYMLINK_FOLLOW links the target. A tool
 * that assumes one behaviour duplicates links as files or the reverse.
 *
 * References: POSIX.1-2024 link(), linkat() ("If path1 names a symbolic
 * link, it is implementation-defined whether link() follows the symbolic
 * link"; AT_SYMLINK_FOLLOW); link(2), linkat(2).
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void kind_obs(const char *name, const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) fsc_obs(name, "absent");
    else fsc_obs(name, "%s", S_ISLNK(st.st_mode) ? "symlink" : "file");
}

static void probe(void)
{
    fsc_put("t", "x");
    if (symlink("t", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    FSC_CHECK(symlink("missing", "dl") == 0);
    fsc_obs_sys("link", link("l", "h_link"));
    kind_obs("link_kind", "h_link");
    fsc_obs_sys("linkat", linkat(AT_FDCWD, "l", AT_FDCWD, "h_at", 0));
    kind_obs("linkat_kind", "h_at");
    fsc_obs_sys("linkat_follow", linkat(AT_FDCWD, "l", AT_FDCWD, "h_follow", AT_SYMLINK_FOLLOW));
    kind_obs("linkat_follow_kind", "h_follow");
    fsc_obs_sys("linkat_follow_dangling",
                linkat(AT_FDCWD, "dl", AT_FDCWD, "h_dangling", AT_SYMLINK_FOLLOW));
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
