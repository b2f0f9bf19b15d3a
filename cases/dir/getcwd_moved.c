/*
 * dir.getcwd_moved — getcwd after the current directory was removed, and after it was renamed.
 *
 * Steps: make "gone" and change into it; rmdir "../gone"; report the
 * rmdir and what getcwd returns (removed.getcwd: ok or the error); change
 * to ".."; then make "old" and change into it; rename "../old" to
 * "../new"; report the rename and getcwd, classified by its last
 * component (renamed.getcwd: new_name, old_name or the error). Native
 * POSIX (getcwd); skips on Windows, where the current directory cannot be
 * removed or renamed (delete.rmdir_cwd_other, dir.cwd_renamed).
 *
 * Why: a shell, build tool or test runner whose directory disappears
 * (git checkout, rm -rf of a build tree, a rename by another tool) calls
 * getcwd to print prompts, make relative paths absolute or chdir back:
 * Linux computes the path from the directory itself, so it reports the
 * new name after a rename and fails with ENOENT (not a stale string)
 * once the directory is gone; shells then print "cannot access parent
 * directories".
 *
 * References: POSIX.1-2024 getcwd() (lists no error for a removed
 * directory; the result is "an absolute pathname of the current working
 * directory"); getcwd(3)
 * ("ENOENT The current working directory has been unlinked"); rmdir(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report_getcwd(const char *name)
{
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) {
        fsc_obs(name, "%s", fsc_errno_name(errno));
        return;
    }
    const char *last = strrchr(buf, '/');
    last = last ? last + 1 : buf;
    fsc_obs(name, "%s", !strcmp(last, "new") ? "new_name" : !strcmp(last, "old") ? "old_name" : "other");
}

static void probe(void)
{
    FSC_CHECK(mkdir("gone", 0777) == 0 && chdir("gone") == 0);
    fsc_obs_sys("removed.rmdir", rmdir("../gone"));
    report_getcwd("removed.getcwd");
    FSC_CHECK(chdir("..") == 0);
    FSC_CHECK(mkdir("old", 0777) == 0 && chdir("old") == 0);
    fsc_obs_sys("renamed.rename", rename("../old", "../new"));
    report_getcwd("renamed.getcwd");
    FSC_CHECK(chdir("..") == 0);
}
#else
static void probe(void) { fsc_skip("posix_only"); }
#endif

FSC_PROBE(probe)
