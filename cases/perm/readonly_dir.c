/*
 * perm.readonly_dir — create, unlink and rename inside a directory of mode 0555.
 *
 * Steps: make "r" holding "r/f" and "r/g"; chmod it to 0555 and report the
 * result (chmod) and the mode stat shows (mode); create "r/new" (create), unlink "r/f" (unlink)
 * and rename "r/g" to "r/h" (rename); report each result; restore 0755 so
 * the sandbox can be removed. Native POSIX; skips on Windows. Run as root
 * and as an ordinary user (the linux-ext4-user result set): root passes
 * (CAP_DAC_OVERRIDE), a user gets EACCES.
 *
 * Why: a read-only directory is how package managers, shared build caches
 * and "chmod -w" protect a tree's names (not its files' contents). Tools
 * tested as root (containers, CI) never meet the refusal their users get;
 * file systems that do not keep the mode (FAT, exFAT, WebDAV, rclone)
 * never refuse at all.
 *
 * References: POSIX.1-2024 open(), unlink(), rename() ([EACCES] "Write
 * permission is denied on the directory"), XBD 4.5 "File Access
 * Permissions"; capabilities(7) (CAP_DAC_OVERRIDE).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    struct stat st;
    FSC_CHECK(mkdir("r", 0755) == 0);
    fsc_put("r/f", "x");
    fsc_put("r/g", "x");
    fsc_obs_sys("chmod", chmod("r", 0555));
    FSC_CHECK(stat("r", &st) == 0);
    fsc_obs("mode", "%04o", (unsigned)(st.st_mode & 07777));
    int fd = (int)fsc_obs_sys("create", open("r/new", O_CREAT | O_EXCL | O_WRONLY, 0666));
    if (fd != -1) close(fd);
    fsc_obs_sys("unlink", unlink("r/f"));
    fsc_obs_sys("rename", rename("r/g", "r/h"));
    chmod("r", 0755);   /* where the first chmod failed, so may this one */
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
