/*
 * link.symlink — symbolic links to a file and to a directory: create, readlink, open through them.
 *
 * Steps: create "f" ("data") and directory "d" holding "d/g" ("in");
 * symlink "lf" -> "f" and "ld" -> "d"; report each result, what readlink
 * returns for each (the target, or the error), and what "lf" and "ld/g"
 * read when opened through the links. Native POSIX; skips on Windows, where
 * creating a symbolic link needs SeCreateSymbolicLinkPrivilege or developer
 * mode, so the answer depends on the account rather than on the platform.
 *
 * Why: symbolic links are everywhere in build trees (node_modules, Python
 * venvs), package layouts (libfoo.so -> libfoo.so.1) and deployment
 * ("current -> release-42"). Filesystems without them (FAT, exFAT) break
 * those tools in ways users only understand when they see the error.
 *
 * References: POSIX.1-2024 symlink(), readlink(); symlink(2), readlink(2);
 * CreateSymbolicLinkW on Microsoft Learn (privilege requirement)
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

static void report_link(const char *name, const char *target, const char *path)
{
    char buf[64], obs[32];
    snprintf(obs, sizeof obs, "%s_symlink", name);
    fsc_obs_sys(obs, symlink(target, name));
    ssize_t n = readlink(name, buf, sizeof buf - 1);
    snprintf(obs, sizeof obs, "%s_readlink", name);
    if (n < 0) fsc_obs(obs, "%s", fsc_errno_name(errno));
    else fsc_obs_bytes(obs, buf, (size_t)n);
    const char *s = fsc_get(path);
    snprintf(obs, sizeof obs, "%s_open_reads", name);
    fsc_obs(obs, "%s", s ? s : "unreadable");
}

static void probe(void)
{
    fsc_put("f", "data");
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/g", "in");
    report_link("lf", "f", "lf");
    report_link("ld", "d", "ld/g");
}
#else
static void probe(void) { fsc_skip("symlinks_need_privilege_on_windows"); }
#endif

FSC_PROBE(probe)
