/*
 * hostile.symlink — a fixture for runners/hostile-check.py, not a probe: it
 * leaves symbolic links to the directory named by $FSC_HOSTILE_OUTSIDE (and
 * to a file in it) inside its sandbox, plus a directory without permissions.
 * Removing the sandbox must remove the links, never what they point to.
 */
#include "fsc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    char path[4096];
    const char *outside = getenv("FSC_HOSTILE_OUTSIDE");
    if (!outside)
        return 3;
    snprintf(path, sizeof path, "%s/keep.txt", outside);
    printf("dir_link=%s\n", symlink(outside, "dir") ? fsc_errno_name(errno) : "ok");
    printf("file_link=%s\n", symlink(path, "file") ? fsc_errno_name(errno) : "ok");
    if (mkdir("locked", 0700) || symlink(outside, "locked/dir") || chmod("locked", 0))
        return 3;
    return 0;
}
