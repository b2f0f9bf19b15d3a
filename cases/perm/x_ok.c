/*
 * perm.x_ok — access(X_OK) on files with no execute bit, and with it for owner, group or others only.
 *
 * Steps: with umask 0, create files (owned by the caller) with modes
 * 0644 (none), 0744 (owner), 0654 (group) and 0645 (other); report
 * access(X_OK) for each (none, owner, group, other). Native POSIX; skips
 * on Windows.
 *
 * Why: shells and "which" decide whether a file is a command with
 * access(X_OK), build tools decide whether a script needs "sh script".
 * As root, POSIX grants execute when any execute bit is set (never when
 * none is), so root sees "executable" where its owner does not: a
 * group-only or other-only executable file is runnable by root but not
 * by the owner, whose permission class is the owner bits alone.
 *
 * References: POSIX.1-2024 XBD 4.5 "File Access Permissions" ("If
 * execute permission is requested, access shall be granted if execute
 * permission is granted to at least one user by the file permission
 * bits"; the owner class decides for the owner), access(); access(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    static const unsigned modes[] = {0644, 0744, 0654, 0645};
    static const char *const names[] = {"none", "owner", "group", "other"};
    char path[16];
    umask(0);
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "f%04o", modes[i]);
        int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, modes[i]);
        FSC_CHECK(fd != -1 && close(fd) == 0);
        fsc_obs_sys(names[i], access(path, X_OK));
    }
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
