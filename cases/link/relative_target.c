/*
 * link.relative_target — a relative symbolic link resolves against the link's directory, not the current directory.
 *
 * Steps: create "t" ("top") and, in directory "d", "d/t" ("in_d"); make
 * "d/l" -> "t" and "d/up" -> "../t"; from the sandbox (not from "d")
 * report what "d/l" and "d/up" read. Native POSIX; skips where symlink()
 * fails (FAT, exFAT, rclone, WebDAV) and on Windows.
 *
 * Why: installers and build tools that create links by relative target
 * ("ln -s ../lib/libfoo.so.1 build/lib/libfoo.so") get them wrong when they
 * compute the target from their current directory instead of from the
 * link's; the kernel resolves from the directory holding the link, so
 * such a link reads another file, or nothing, depending on where it lives.
 *
 * References: POSIX.1-2024 XBD 4.16 "Pathname Resolution" ("If the
 * contents of the symbolic link ... do not begin with a <slash>, the
 * contents ... are resolved relative to the directory containing the
 * symbolic link"); symlink(7); path_resolution(7).
 */
#include "fsc.h"

#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>

static void read_obs(const char *name, const char *path)
{
    const char *s = fsc_get(path);
    fsc_obs(name, "%s", s ? s : "unreadable");
}

static void probe(void)
{
    fsc_put("t", "top");
    FSC_CHECK(mkdir("d", 0777) == 0);
    fsc_put("d/t", "in_d");
    if (symlink("t", "d/l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    FSC_CHECK(symlink("../t", "d/up") == 0);
    read_obs("same_dir_reads", "d/l");
    read_obs("parent_reads", "d/up");
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
