/*
 * perm.umask_table — the mode of a new directory (mkdir 0777) and file (open O_CREAT 0666) under umasks 000, 022, 027 and 077.
 *
 * Steps: for each umask, set it, make the directory "d<umask>" with mode
 * 0777 and the file "f<umask>" with open(O_CREAT|O_EXCL, 0666); report
 * the permission bits stat shows (u<umask>.dir, u<umask>.file: four
 * octal digits); restore the umask. Native POSIX; skips on Windows.
 *
 * Why: programs create files with 0666/0777 and rely on the umask to make
 * them private (077 for secrets, 027 for services); file systems without
 * permission bits (FAT, exFAT, WebDAV) or with their own (ntfs-3g,
 * rclone, sshfs with the server's umask) ignore it, so a "private" file
 * is world-readable or a shared one unreadable.
 *
 * References: POSIX.1-2024 umask(), open() and mkdir() ("the file
 * permission bits ... modified by the file mode creation mask of the
 * process"); umask(2); acl(5) (a default ACL replaces the umask).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void mode_obs(const char *name, const char *path)
{
    struct stat st;
    FSC_CHECK(stat(path, &st) == 0);
    fsc_obs(name, "%04o", (unsigned)(st.st_mode & 07777));
}

static void probe(void)
{
    static const unsigned masks[] = {0000, 0022, 0027, 0077};
    char d[16], f[16], name[24];
    mode_t old = umask(0);
    for (int i = 0; i < 4; i++) {
        snprintf(d, sizeof d, "d%03o", masks[i]);
        snprintf(f, sizeof f, "f%03o", masks[i]);
        umask(masks[i]);
        FSC_CHECK(mkdir(d, 0777) == 0);
        int fd = open(f, O_CREAT | O_EXCL | O_WRONLY, 0666);
        FSC_CHECK(fd != -1 && close(fd) == 0);
        snprintf(name, sizeof name, "u%03o.dir", masks[i]);
        mode_obs(name, d);
        snprintf(name, sizeof name, "u%03o.file", masks[i]);
        mode_obs(name, f);
    }
    umask(old);
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
