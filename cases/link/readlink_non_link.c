/*
 * link.readlink_non_link — readlink of a regular file, a directory, a missing name and "file/".
 *
 * Steps: create the file "f" and the directory "d"; readlink "f", "d",
 * "missing" and "f/"; report each result (the error; a link would give
 * its target). Native POSIX; skips on Windows.
 *
 * Why: tools ask "is this a link, and to what?" with readlink alone
 * (readlink -f, realpath emulations, Python's os.readlink in shutil,
 * package managers checking alternatives); they must tell "not a link"
 * (EINVAL) from "not there" (ENOENT). A system or library that answers
 * ENOENT or ENOTSUP for a plain file misleads them into recreating it.
 *
 * References: POSIX.1-2024 readlink() ([EINVAL] "The path argument names
 * a file that is not a symbolic link", [ENOENT], [ENOTDIR]); readlink(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

static void readlink_obs(const char *name, const char *path)
{
    char buf[64];
    ssize_t n = readlink(path, buf, sizeof buf);
    if (n < 0) fsc_obs(name, "%s", fsc_errno_name(errno));
    else fsc_obs_bytes(name, buf, (size_t)n);
}

static void probe(void)
{
    fsc_put("f", "x");
    FSC_CHECK(mkdir("d", 0777) == 0);
    readlink_obs("file", "f");
    readlink_obs("dir", "d");
    readlink_obs("missing", "missing");
    readlink_obs("file_slash", "f/");
}
#else
static void probe(void) { fsc_skip("posix_only"); }
#endif

FSC_PROBE(probe)
