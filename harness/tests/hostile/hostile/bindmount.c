/*
 * hostile.bindmount — a fixture for runners/hostile-check.py, not a probe: as
 * root it bind-mounts the directory named by $FSC_HOSTILE_OUTSIDE on "m" in its
 * sandbox, in the harness's own mount namespace, writes nothing, and exits
 * leaving the mount in place. Removing the sandbox must not descend into "m"
 * (that would delete the outside directory's files) and must say what it kept.
 *
 * Needs: mounts
 */
#define _GNU_SOURCE
#include "fsc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    const char *outside = getenv("FSC_HOSTILE_OUTSIDE");
    if (geteuid() != 0) {
        puts("skip=not_root");
        return 77;
    }
    if (!outside || mkdir("m", 0700))
        return 3;
    printf("bind=%s\n", mount(outside, "m", NULL, MS_BIND, NULL) ? fsc_errno_name(errno) : "ok");
    return 0;
}
