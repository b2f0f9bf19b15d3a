/*
 * perm.dir_read_search — a directory with read but no search permission (0444), and search but no read (0111).
 *
 * Steps: make "r" and "x", each holding "f" ("in"); chmod "r" to 0444 and
 * "x" to 0111; report, for each, the chmod result, listing it (list: ok or the error, via
 * opendir/readdir) and reading "f" inside by name (read_by_name: what it
 * reads or the error of the open); restore 0755. Native POSIX; skips on
 * Windows. As root every cell is ok (CAP_DAC_READ_SEARCH); the
 * linux-ext4-user result set shows the user's view.
 *
 * Why: a 0711 home directory (names hidden, known paths reachable) and a
 * 0444 directory (names visible, nothing reachable) are how Unix hides
 * or exposes trees; web servers, backup tools and shells behave
 * differently in each, and root never sees the difference.
 *
 * References: POSIX.1-2024 XBD 4.5 "File Access Permissions" (read
 * permission on a directory: list it; search permission: resolve names
 * in it), opendir(), open() ([EACCES] "Search permission is denied on a
 * component of the path prefix"); path_resolution(7).
 */
#include "fsc.h"

#ifndef _WIN32
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void cell(const char *dir, unsigned mode)
{
    char path[16], name[32], buf[8];
    snprintf(path, sizeof path, "%s/f", dir);
    FSC_CHECK(mkdir(dir, 0755) == 0);
    fsc_put(path, "in");
    snprintf(name, sizeof name, "%s.chmod", dir);
    fsc_obs_sys(name, chmod(dir, mode));
    snprintf(name, sizeof name, "%s.list", dir);
    DIR *d = opendir(dir);
    int err = d ? 0 : errno;
    if (d) {
        errno = 0;
        while (readdir(d)) {}
        err = errno;
        closedir(d);
    }
    fsc_obs(name, "%s", err ? fsc_errno_name(err) : "ok");
    snprintf(name, sizeof name, "%s.read_by_name", dir);
    int fd = open(path, O_RDONLY);
    if (fd == -1) fsc_obs(name, "%s", fsc_errno_name(errno));
    else {
        ssize_t n = read(fd, buf, sizeof buf);
        close(fd);
        fsc_obs_bytes(name, buf, n > 0 ? (size_t)n : 0);
    }
    chmod(dir, 0755);   /* where the first chmod failed, so may this one */
}

static void probe(void)
{
    cell("r", 0444);
    cell("x", 0111);
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
