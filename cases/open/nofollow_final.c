/*
 * open.nofollow_final — open(2) with O_NOFOLLOW when the last component is a symbolic link.
 *
 * Steps: create "f" holding "x" and the symbolic link "l" -> "f"; open "l"
 * with O_RDONLY|O_NOFOLLOW and report the result; open "f" the same way (a
 * control: the flag refuses links, not files). Skips where the file system
 * cannot make symbolic links.
 *
 * Why: O_NOFOLLOW is how privileged programs and archive extractors (tar,
 * systemd-tmpfiles, log rotators) refuse to be led
 * through a link an attacker planted. POSIX requires ELOOP; FreeBSD reports
 * EMLINK and NetBSD EFTYPE, so code that tests for ELOOP alone misreads the
 * refusal as some other failure.
 *
 * References: POSIX.1-2024 open() (O_NOFOLLOW: "If path names a symbolic
 * link, fail and set errno to [ELOOP]"); open(2) (O_NOFOLLOW); FreeBSD
 * open(2) ([EMLINK]).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void try_open(const char *name, const char *path)
{
    int fd = (int)fsc_obs_sys(name, open(path, O_RDONLY | O_NOFOLLOW));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
}

static void probe(void)
{
    fsc_put("f", "x");
    if (symlink("f", "l") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    try_open("open_link", "l");
    try_open("open_file", "f");
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
