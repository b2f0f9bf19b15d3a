/*
 * xattr.value_limit — which user extended attribute value sizes are accepted: 512 B, 4 KiB, 64 KiB.
 *
 * Steps: for each size (512, 4096, 65536 bytes, the last being the
 * kernel's XATTR_SIZE_MAX) create a fresh file and setxattr "user.fsc" with
 * a value of that size on it; report each result, and the largest size
 * accepted ("none" if none was). 512 B rather than 1 KiB: it fits one
 * block on every ext4 (mkfs.ext4 picks 1 KiB blocks for small filesystems,
 * where a 1 KiB value does not), so the row shows the filesystem, not how
 * it was formatted.
 *
 * Why: programs store more than a tag in xattrs: Samba keeps NT security
 * descriptors and alternate data streams in them, macOS-style resource
 * forks and Finder info travel as xattrs through rsync -X and cp, and
 * overlayfs and container tools keep their state there. The limit differs
 * per filesystem (ext4: all of a file's xattrs in one block; XFS: 64 KiB
 * each), so a copy that works onto one filesystem fails with E2BIG or
 * ENOSPC on another.
 *
 * References: xattr(7) ("Filesystem differences"); setxattr(2) (E2BIG,
 * ENOSPC); Samba vfs_streams_xattr(8)
 */
#include "fsc.h"

#if defined(__linux__)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>

static void probe(void)
{
    static const size_t sizes[] = {512, 4096, 65536};
    static const char *const names[] = {"512", "4k", "64k"};
    const char *largest = "none";
    char *value = malloc(65536);
    FSC_CHECK(value != NULL);
    memset(value, 'v', 65536);
    for (int i = 0; i < 3; i++) {
        char file[16], obs[16];
        snprintf(file, sizeof file, "f%s", names[i]);
        snprintf(obs, sizeof obs, "set_%s", names[i]);
        fsc_put(file, "data");
        if (fsc_obs_sys(obs, setxattr(file, "user.fsc", value, sizes[i], 0)) == 0)
            largest = names[i];
    }
    free(value);
    fsc_obs("largest", "%s", largest);
}
#else
static void probe(void) { fsc_skip("no_linux_xattr"); }
#endif

FSC_PROBE(probe)
