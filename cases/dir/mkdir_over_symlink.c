/*
 * dir.mkdir_over_symlink — mkdir of a name that is a dangling symbolic link or a link to a directory.
 *
 * Steps: make the symbolic links "dl" -> "missing" and "ld" -> "d" (an
 * existing directory); mkdir "dl" and mkdir "ld"; report each result and
 * whether "missing" was created through the dangling link
 * (missing_created). Native POSIX; skips where symlink() fails (FAT,
 * exFAT, rclone, WebDAV) and on Windows.
 *
 * Why: mkdir never follows a final symbolic link, even a dangling one:
 * that is what keeps "mkdir /tmp/name" from creating a directory wherever
 * an attacker's link points. "mkdir -p" then has to decide whether the
 * existing name is usable (a link to a directory is; a dangling link is
 * not), which it can only do by stat after EEXIST.
 *
 * References: POSIX.1-2024 mkdir() ([EEXIST] "The named file exists",
 * with "If path names a symbolic link, mkdir() shall fail and set errno
 * to [EEXIST]"); mkdir(2); CWE-59.
 */
#include "fsc.h"

#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    struct stat st;
    FSC_CHECK(mkdir("d", 0777) == 0);
    if (symlink("missing", "dl") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    FSC_CHECK(symlink("d", "ld") == 0);
    fsc_obs_sys("dangling", mkdir("dl", 0777));
    fsc_obs_sys("link_to_dir", mkdir("ld", 0777));
    fsc_obs_bool("missing_created", lstat("missing", &st) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
