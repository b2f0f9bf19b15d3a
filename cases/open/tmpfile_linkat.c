/*
 * open.tmpfile_linkat — an O_TMPFILE file given a name with linkat(2), and one opened O_EXCL that must not get one.
 *
 * Steps: open(".", O_TMPFILE|O_RDWR) and report the result (the rest is
 * skipped, observations absent, when it fails); write "data" to it;
 * linkat it as "named" through /proc/self/fd/N with AT_SYMLINK_FOLLOW and
 * report the result and what "named" reads; open a second one with
 * O_TMPFILE|O_EXCL and report the result of the same linkat to "excl".
 *
 * Why: O_TMPFILE is how to write a file completely (and fsync it) before it
 * appears under its name — no half-written file, no leftover temp name
 * after a crash (package managers, editors, systemd). Many filesystems do
 * not implement it (EOPNOTSUPP), so callers need the classic temp-name +
 * rename fallback; O_EXCL promises the file can never be linked, which
 * makes it a safe anonymous scratch file.
 *
 * References: open(2) (O_TMPFILE: "Specifying O_EXCL in conjunction with
 * O_TMPFILE prevents a temporary file from being linked into the
 * filesystem"; EOPNOTSUPP; EISDIR on kernels without it); linkat(2)
 * (AT_SYMLINK_FOLLOW, the /proc/self/fd idiom; AT_EMPTY_PATH needs
 * CAP_DAC_READ_SEARCH, so it is not used here)
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#endif

#if !defined(_WIN32) && defined(O_TMPFILE)
static long link_fd(int fd, const char *name)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, path, AT_FDCWD, name, AT_SYMLINK_FOLLOW);
}

static void probe(void)
{
    int fd = (int)fsc_obs_sys("tmpfile", open(".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600));
    if (fd < 0) return;
    FSC_CHECK(write(fd, "data", 4) == 4);
    if (fsc_obs_sys("linkat", link_fd(fd, "named")) == 0) {
        const char *s = fsc_get("named");
        fsc_obs("named_reads", "%s", s && *s ? s : "unreadable");
    }
    FSC_CHECK(close(fd) == 0);
    fd = (int)fsc_obs_sys("tmpfile_excl", open(".", O_TMPFILE | O_EXCL | O_RDWR | O_CLOEXEC, 0600));
    if (fd < 0) return;
    fsc_obs_sys("linkat_excl", link_fd(fd, "excl"));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_o_tmpfile"); }
#endif

FSC_PROBE(probe)
