/*
 * dir.dot_entries — whether readdir lists "." and ".." in a subdirectory.
 *
 * Steps: make directory "d" holding file "d/f"; read "d" with readdir and
 * report whether "." and ".." were listed and how many entries came in all.
 *
 * Why: programs count entries to decide whether a directory is empty
 * ("more than 2 entries"), or skip the first two entries assuming they are
 * "." and "..". POSIX lets readdir omit them, and some FUSE filesystems and
 * network filesystems do, so such code misses a real file or calls a
 * non-empty directory empty.
 *
 * References: POSIX.1-2024 readdir() ("If entries for dot or dot-dot exist,
 * one entry shall be returned for dot and one entry shall be returned for
 * dot-dot; otherwise, they shall not be returned"); readdir(3)
 */
#include "fsc.h"

#ifndef _WIN32
#include <dirent.h>
#include <string.h>

static void probe(void)
{
    int dot = 0, dotdot = 0, count = 0;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "x");
    DIR *dir = opendir("d");
    FSC_CHECK(dir != NULL);
    for (struct dirent *e; (e = readdir(dir)) != NULL; count++) {
        dot += !strcmp(e->d_name, ".");
        dotdot += !strcmp(e->d_name, "..");
    }
    FSC_CHECK(closedir(dir) == 0);
    fsc_obs_bool("dot", dot);
    fsc_obs_bool("dotdot", dotdot);
    fsc_obs_int("entries", count);
}
#else
static void probe(void) { fsc_skip("no_posix_readdir"); }
#endif

FSC_PROBE(probe)
