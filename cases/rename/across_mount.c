/*
 * rename.across_mount — rename and link within one filesystem and into another one mounted below it.
 *
 * Steps (Linux, as root): unshare(CLONE_NEWNS) so that mounts are this
 * process's own; make "/" private recursively in that namespace (nothing
 * propagates out); mount a 64 KiB tmpfs on the sandbox's subdirectory "m";
 * create "f"; rename "f" to "g" (same filesystem); rename "g" into "m/g"
 * and hard-link "g" as "m/h" (both across the mount); report each result;
 * unmount "m". The namespace, and with it the mount, ends with the probe.
 * Skips when not root or when unshare or the mount is refused (the reason
 * names the call).
 *
 * Why: rename(2) cannot cross filesystems (EXDEV), so "mv" and every
 * atomic-save routine (write a temp file, rename it into place) must copy
 * and delete instead, losing atomicity. Programs that keep their temp
 * directory elsewhere (/tmp on tmpfs, a bind-mounted container volume,
 * Docker's overlay with volumes) hit this; they need the error to be EXDEV
 * to know to fall back.
 *
 * References: POSIX.1-2024 rename() and link() ([EXDEV]); rename(2),
 * link(2); unshare(2); mount_namespaces(7) (MS_PRIVATE)
 *
 * Needs: mounts
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#if defined(__linux__)
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/mount.h>
#include <unistd.h>

static void skip_errno(const char *call)
{
    char reason[64];
    snprintf(reason, sizeof reason, "%s_%s", call, fsc_errno_name(errno));
    fsc_skip(reason);
}

static void probe(void)
{
    if (geteuid() != 0) fsc_skip("not_root");
    if (unshare(CLONE_NEWNS) != 0) skip_errno("unshare");
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) skip_errno("make_private");
    FSC_OK(fsc_op_mkdir("m"));
    if (mount("fsconform", "m", "tmpfs", MS_NOSUID | MS_NODEV, "size=64k") != 0)
        skip_errno("mount");
    fsc_put("f", "data");
    fsc_obs_sys("rename_within", rename("f", "g"));
    fsc_obs_sys("rename_across", rename("g", "m/g"));
    fsc_obs_sys("link_across", link("g", "m/h"));
    FSC_CHECK(umount2("m", MNT_DETACH) == 0);
}
#else
static void probe(void) { fsc_skip("no_linux_mount_namespace"); }
#endif

FSC_PROBE(probe)
