/*
 * perm.access_vs_open — access() and faccessat(AT_EACCESS) against a real open, per permission mode.
 *
 * Steps: with umask 0, create files with modes 0000, 0400, 0200 and 0600
 * (owned by the caller); for each mode and each of reading and writing,
 * open the file that way and report the result (<mode>.read,
 * <mode>.write); compare with access(R_OK / W_OK) and faccessat(...,
 * AT_EACCESS) and report whether both always gave the same answer as
 * the open (access_agrees) and the first cell where one did not
 * (first_disagreement, or none). Native POSIX; skips on Windows.
 *
 * Why: installers, shells ("test -w"), editors and Python's os.access
 * ask access() before opening. As root, access grants read and write
 * whatever the mode (CAP_DAC_OVERRIDE), as open does; as a user the mode
 * bits decide. A FUSE file system that checks permissions itself, or
 * none, can make access and open disagree — and then "test -w" is a lie.
 *
 * References: POSIX.1-2024 access(), faccessat() ("AT_EACCESS: the
 * checks ... are performed using the effective user ID"), XBD 4.5 "File
 * Access Permissions"; access(2) ("the check is done using the calling
 * process's real UID"); capabilities(7) (CAP_DAC_OVERRIDE).
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const unsigned modes[] = {0000, 0400, 0200, 0600};

static void probe(void)
{
    char path[16], cell[32], first[32] = "none";
    umask(0);
    for (int m = 0; m < 4; m++) {
        snprintf(path, sizeof path, "f%04o", modes[m]);
        int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, modes[m]);
        FSC_CHECK(fd != -1 && close(fd) == 0);
        for (int w = 0; w < 2; w++) {
            snprintf(cell, sizeof cell, "mode%04o.%s", modes[m], w ? "write" : "read");
            fd = open(path, w ? O_WRONLY : O_RDONLY);
            int open_err = fd == -1 ? errno : 0;
            if (fd != -1) close(fd);
            fsc_obs(cell, "%s", open_err ? fsc_errno_name(open_err) : "ok");
            int a = access(path, w ? W_OK : R_OK) == 0;
            int e = faccessat(AT_FDCWD, path, w ? W_OK : R_OK, AT_EACCESS) == 0;
            if ((a != !open_err || e != !open_err) && !strcmp(first, "none"))
                snprintf(first, sizeof first, "%s", cell);
        }
    }
    fsc_obs_bool("access_agrees", !strcmp(first, "none"));
    fsc_obs("first_disagreement", "%s", first);
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
