/*
 * perm.chown_stored — as root, chown a file to 12345:12345: the result and the owner stat shows.
 *
 * Steps: (root only; skips otherwise) create "f"; stat it; chown it to uid
 * 12345, gid 12345 and report the result; stat it again and report, for
 * the owner and the group, "set" (now 12345), "unchanged" (as before) or
 * "other".
 *
 * Why: FAT, exFAT and NTFS (without a user mapping) store no POSIX owner;
 * their drivers answer chown with EPERM, or accept it and keep the mount's
 * owner (vfat "quiet"), or keep it until the inode is evicted. Package
 * managers, tar/rsync extracting as root (--same-owner), container image
 * builders and backup restores either fail or silently leave every file
 * owned by root.
 *
 * References: POSIX.1-2024 chown(); Linux chown(2) (EPERM: "the calling
 * process did not have the required permissions"); mount(8) FAT options
 * uid, gid, quiet; ntfs-3g(8) (uid, gid, permissions, usermapping).
 */
#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static const char *cls(unsigned long now, unsigned long before)
{
    return now == 12345 ? "set" : now == before ? "unchanged" : "other";
}

static void probe(void)
{
    struct stat a, b;
    if (geteuid() != 0) fsc_skip("not_root");
    fsc_put("f", "data");
    FSC_CHECK(stat("f", &a) == 0);
    fsc_obs_sys("chown", chown("f", 12345, 12345));
    FSC_CHECK(stat("f", &b) == 0);
    fsc_obs("owner", "%s", cls(b.st_uid, a.st_uid));
    fsc_obs("group", "%s", cls(b.st_gid, a.st_gid));
}
#else
static void probe(void) { fsc_skip("no_posix_owner"); }
#endif

FSC_PROBE(probe)
