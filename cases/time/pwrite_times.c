/*
 * time.pwrite_times — which of a file's times a pwrite() at an explicit offset changes.
 *
 * Steps: create "f" holding "data" and open it with open(O_WRONLY); set its
 * access and modification times to 2001-09-09T01:46:40Z and wait until the
 * clock has passed its times (fsc_times_setup); pwrite 2 bytes at offset 2;
 * with the file still open, stat it and report for each time "changed" or
 * "unchanged".
 *
 * Why: databases and download managers (SQLite, LMDB, aria2, BitTorrent
 * clients) write with pwrite only; an implementation or FUSE daemon that
 * stamps times in its write() path but not its positioned-write path leaves
 * their files looking untouched to make, rsync and backup tools.
 *
 * References: POSIX.1-2024 pwrite() (as write(): marks the last data
 * modification and last file status change timestamps for update), XBD
 * 4.12 File Times Update; Linux pwrite(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>

static void probe(void)
{
    const char *f = "f";
    fsc_stat before;
    fsc_put("f", "data");
    int fd = open("f", O_WRONLY);
    FSC_CHECK(fd >= 0);
    fsc_times_setup(1, &f, &before);
    fsc_obs_sys("pwrite", (long)pwrite(fd, "xy", 2, 2));
    fsc_obs_times("", "f", &before);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_pwrite"); }
#endif

FSC_PROBE(probe)
