/*
 * rename.symlink_kinds — rename with a symbolic link as source or destination: the link itself moves or is replaced, never its target.
 *
 * Steps: in a directory of its own per cell ("<src>.<dst>"), with a file
 * "t" and a directory "td" beside them: rename a symbolic link "s" -> "t"
 * onto each destination kind "d" (missing, file, empty directory,
 * directory holding "c", symbolic link -> "t", symbolic link -> "td"), and
 * a file and an empty directory onto the two symbolic-link destinations;
 * report <src>.<dst>.rename (the result), .src and .dst (what lstat shows
 * at "s" and "d": file, dir, symlink or absent) and .target (what stat
 * shows at "t" or "td" for a symbolic-link destination: is the target
 * intact). Native POSIX; skips where symlink() fails (FAT, exFAT, rclone,
 * WebDAV) and on Windows.
 *
 * Why: deployment switches "current -> release-N" by renaming a new link
 * over the old one, which works only because rename replaces the link and
 * not the directory it points to; a directory renamed onto a link to a
 * directory is refused or replaces the link. Tools (mv, rsync, package
 * managers) that resolve the destination first get it wrong in ways only
 * these cells show.
 *
 * References: POSIX.1-2024 rename() ("If either the old or new argument
 * names a symbolic link, rename() shall operate on the symbolic link
 * itself, and shall not resolve the last component"); rename(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MISSING, FILE_, EMPTY_DIR, NONEMPTY_DIR, LINK_FILE, LINK_DIR };
static const char *const kinds[] = {"missing", "file", "empty_dir", "nonempty_dir",
                                    "symlink_file", "symlink_dir"};

static void make(const char *path, int kind)
{
    char c[64];
    if (kind == FILE_) fsc_put(path, "x");
    if (kind == EMPTY_DIR || kind == NONEMPTY_DIR) FSC_CHECK(mkdir(path, 0777) == 0);
    snprintf(c, sizeof c, "%s/c", path);
    if (kind == NONEMPTY_DIR) fsc_put(c, "x");
    if (kind == LINK_FILE) FSC_CHECK(symlink("t", path) == 0);
    if (kind == LINK_DIR) FSC_CHECK(symlink("td", path) == 0);
}

static void report(const char *cell, const char *what, const char *path, int follow)
{
    struct stat st;
    char name[64];
    snprintf(name, sizeof name, "%s.%s", cell, what);
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) fsc_obs(name, "absent");
    else fsc_obs(name, "%s", S_ISLNK(st.st_mode) ? "symlink" : S_ISDIR(st.st_mode) ? "dir" : "file");
}

static void cell(int src, int dst)
{
    char dir[48], path[4][64], name[64];
    snprintf(dir, sizeof dir, "%s.%s", kinds[src], kinds[dst]);
    const char *leaf[4] = {"s", "d", "t", "td"};
    for (int i = 0; i < 4; i++) snprintf(path[i], sizeof path[i], "%s/%s", dir, leaf[i]);
    FSC_CHECK(mkdir(dir, 0777) == 0);
    fsc_put(path[2], "t");
    FSC_CHECK(mkdir(path[3], 0777) == 0);
    make(path[0], src);
    make(path[1], dst);
    snprintf(name, sizeof name, "%s.rename", dir);
    fsc_obs_sys(name, rename(path[0], path[1]));
    report(dir, "src", path[0], 0);
    report(dir, "dst", path[1], 0);
    if (dst == LINK_FILE) report(dir, "target", path[2], 1);
    if (dst == LINK_DIR) report(dir, "target", path[3], 1);
}

static void probe(void)
{
    if (symlink("t", "probe_link") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    for (int dst = MISSING; dst <= LINK_DIR; dst++) cell(LINK_FILE, dst);
    for (int src = FILE_; src <= EMPTY_DIR; src++) {
        cell(src, LINK_FILE);
        cell(src, LINK_DIR);
    }
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
