/*
 * link.trailing_slash — a trailing slash after a symbolic link: "ld/" is the directory, "lf/" is an error.
 *
 * Steps: create the file "f" and the directory "d"; make "lf" -> "f" and
 * "ld" -> "d"; report what lstat says "ld", "ld/" and "lf/" are
 * (symlink, dir, file, or the error), and unlink of "ld/" (the link
 * cannot be removed through a name that means the directory); then
 * whether "ld" is still there. Native POSIX; skips where symlink() fails
 * (FAT, exFAT, rclone, WebDAV) and on Windows.
 *
 * Why: shell completion adds a slash after a link to a directory, and
 * "rm ld/", "ls -l ld/", "rsync src/ dst/" all mean something else than
 * without it: a trailing slash forces resolution of the link. Tools that
 * strip or add slashes while normalising paths change which object an
 * operation applies to.
 *
 * References: POSIX.1-2024 XBD 4.16 "Pathname Resolution" ("If a
 * symbolic link is encountered ... and the last component is followed by
 * ... <slash> characters ... resolution ... shall continue"), lstat(),
 * unlink(); path_resolution(7).
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

/* What lstat says the name is (symlink, dir, file), or its error. */
static const char *kind(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return fsc_errno_name(errno);
    return S_ISLNK(st.st_mode) ? "symlink" : S_ISDIR(st.st_mode) ? "dir" : "file";
}

static void probe(void)
{
    struct stat st;
    fsc_put("f", "x");
    FSC_CHECK(mkdir("d", 0777) == 0);
    if (symlink("f", "lf") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    FSC_CHECK(symlink("d", "ld") == 0);
    fsc_obs("lstat_ld", "%s", kind("ld"));
    fsc_obs("lstat_ld_slash", "%s", kind("ld/"));
    fsc_obs("lstat_lf_slash", "%s", kind("lf/"));
    fsc_obs_sys("unlink_ld_slash", unlink("ld/"));
    fsc_obs_bool("ld_left", lstat("ld", &st) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
