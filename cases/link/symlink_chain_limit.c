/*
 * link.symlink_chain_limit — how many symbolic links in a chain one lookup follows.
 *
 * Steps: create the file "t" and the chain "l1" -> "t", "lN" -> "l(N-1)"
 * up to l64; stat "lN" for N = 1, 2, ... (a lookup of lN follows N links)
 * until one fails; report the longest chain that resolves as a class
 * against Linux's 40 (longest: below_40, 40, above_40, or 64_or_more) and
 * the error of the first one that does not (past_limit, or none). Native
 * POSIX; skips where symlink() fails (FAT, exFAT, rclone, WebDAV) and on
 * Windows.
 *
 * Why: layered package managers (Nix profiles, alternatives systems,
 * node_modules with pnpm) build long chains of links; a chain one system
 * resolves fails with ELOOP on another, where the limit is smaller
 * (POSIX only promises _POSIX_SYMLOOP_MAX, 8). Knowing the limit tells a
 * tool author how deep chains may go.
 *
 * References: POSIX.1-2024 <limits.h> ({SYMLOOP_MAX}, _POSIX_SYMLOOP_MAX
 * 8), stat() ([ELOOP] "More than {SYMLOOP_MAX} symbolic links were
 * encountered"); path_resolution(7) (Linux: at most 40 links per lookup).
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CHAIN = 64 };

static void probe(void)
{
    char name[16], target[16];
    struct stat st;
    fsc_put("t", "x");
    if (symlink("t", "l1") != 0) fsc_skip("no_symlinks_on_this_filesystem");
    for (int n = 2; n <= CHAIN; n++) {
        snprintf(name, sizeof name, "l%d", n);
        snprintf(target, sizeof target, "l%d", n - 1);
        FSC_CHECK(symlink(target, name) == 0);
    }
    int longest = 0, err = 0;
    for (int n = 1; n <= CHAIN && !err; n++) {
        snprintf(name, sizeof name, "l%d", n);
        if (stat(name, &st) == 0) longest = n;
        else err = errno;
    }
    fsc_obs("longest", "%s", longest == CHAIN ? "64_or_more" : longest > 40 ? "above_40"
                             : longest == 40 ? "40" : "below_40");
    fsc_obs("past_limit", "%s", err ? fsc_errno_name(err) : "none");
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
