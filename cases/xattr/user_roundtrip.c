/*
 * xattr.user_roundtrip — set, get and list a user extended attribute.
 *
 * Steps: create "f"; setxattr "user.fsc" = "value" on it; report the
 * result; getxattr it back (the value read, or the error); report whether
 * listxattr names it (or its error).
 *
 * Why: user extended attributes carry metadata that travels with a file:
 * download origin (user.xdg.origin.url), checksums and sync state (Dropbox,
 * restic, git-annex), SELinux-less labels, Samba's DOS attributes. Tools
 * copying to a filesystem without them lose that data, often silently, and
 * need to know where setxattr fails (ENOTSUP/EOPNOTSUPP) to warn.
 *
 * References: xattr(7) (user namespace); setxattr(2), getxattr(2),
 * listxattr(2); https://www.freedesktop.org/wiki/CommonExtendedAttributes/
 */
#include "fsc.h"

#if defined(__linux__)
#include <errno.h>
#include <string.h>
#include <sys/xattr.h>

static void probe(void)
{
    char buf[256];
    fsc_put("f", "data");
    fsc_obs_sys("set", setxattr("f", "user.fsc", "value", 5, 0));
    ssize_t n = getxattr("f", "user.fsc", buf, sizeof buf);
    if (n < 0) fsc_obs("get", "%s", fsc_errno_name(errno));
    else fsc_obs_bytes("get", buf, (size_t)n);
    n = listxattr("f", buf, sizeof buf);
    if (n < 0) {
        fsc_obs("listed", "%s", fsc_errno_name(errno));
        return;
    }
    int listed = 0;
    for (ssize_t i = 0; i < n; i += (ssize_t)strlen(buf + i) + 1)
        listed |= !strcmp(buf + i, "user.fsc");
    fsc_obs_bool("listed", listed);
}
#else
static void probe(void) { fsc_skip("no_linux_xattr"); }
#endif

FSC_PROBE(probe)
