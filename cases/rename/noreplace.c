/*
 * rename.noreplace — renameat2(RENAME_NOREPLACE) onto an existing and onto a missing name.
 *
 * Steps: create "a" ("a") and "b" ("b"); renameat2 "a" to "b" with
 * RENAME_NOREPLACE; report the error and what "b" reads; then renameat2 "a"
 * to the missing name "c" with RENAME_NOREPLACE; report the result and what
 * "c" reads.
 *
 * Why: RENAME_NOREPLACE is the only race-free "move unless the destination
 * exists" on Linux (link+unlink needs hard links, stat-then-rename races).
 * It needs kernel 3.15+, a filesystem that implements it (otherwise EINVAL)
 * and glibc 2.28+ for the wrapper; tools that use it must fall back cleanly,
 * so what each filesystem does matters.
 *
 * References: rename(2) (renameat2, RENAME_NOREPLACE, EEXIST, EINVAL);
 * macOS renamex_np(2) (RENAME_EXCL) is the counterpart elsewhere
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#endif
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
#ifdef RENAME_NOREPLACE
    fsc_put("a", "a");
    fsc_put("b", "b");
    fsc_obs_sys("onto_existing", renameat2(AT_FDCWD, "a", AT_FDCWD, "b", RENAME_NOREPLACE));
    fsc_obs_file("existing_reads", "b");
    fsc_obs_sys("onto_missing", renameat2(AT_FDCWD, "a", AT_FDCWD, "c", RENAME_NOREPLACE));
    fsc_obs_file("moved_reads", "c");
#else
    fsc_skip("no_renameat2");
#endif
}

FSC_PROBE(probe)
