/*
 * rename.exchange — renameat2(RENAME_EXCHANGE) of two existing files, and of one with a missing name.
 *
 * Steps: create "a" ("A") and "b" ("B"); renameat2 "a" and "b" with
 * RENAME_EXCHANGE; report the result and what each name reads; then
 * exchange "a" with the missing name "c" and report the error.
 *
 * Why: RENAME_EXCHANGE lets a program swap a new version of a file or
 * directory tree into place and keep the old one under the other name in
 * one atomic step (container image updates, A/B directories, safe
 * rollback). Not every filesystem implements it (EINVAL), so users need to
 * know where it works; both names must exist, unlike a plain rename.
 *
 * References: rename(2) (renameat2, RENAME_EXCHANGE, ENOENT, EINVAL);
 * macOS renamex_np(2) (RENAME_SWAP) is the counterpart elsewhere
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#endif
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
#ifdef RENAME_EXCHANGE
    fsc_put("a", "A");
    fsc_put("b", "B");
    fsc_obs_sys("exchange", renameat2(AT_FDCWD, "a", AT_FDCWD, "b", RENAME_EXCHANGE));
    fsc_obs_file("a_reads", "a");
    fsc_obs_file("b_reads", "b");
    fsc_obs_sys("exchange_missing", renameat2(AT_FDCWD, "a", AT_FDCWD, "c", RENAME_EXCHANGE));
#else
    fsc_skip("no_renameat2");
#endif
}

FSC_PROBE(probe)
