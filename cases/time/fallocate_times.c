/*
 * time.fallocate_times — which of a file's times fallocate() changes: extending, keeping the size, inside the data.
 *
 * Steps: create "extend", "keep_size" and "inside", each holding 10 bytes,
 * and open them read-write; set their access and modification times to
 * 2001-09-09T01:46:40Z and wait until the clock has passed their times
 * (fsc_times_setup); fallocate 64 KiB from offset 0 on "extend" (mode 0:
 * the size grows), 64 KiB from offset 64 KiB on "keep_size"
 * (FALLOC_FL_KEEP_SIZE: blocks past the end, size unchanged) and the first
 * 8 bytes of "inside" (mode 0, nothing to allocate); report each call's
 * result and, per file, each time "changed" or "unchanged". A file system
 * that refuses fallocate (EOPNOTSUPP) shows what a refused call leaves.
 *
 * Why: databases, download managers and log writers preallocate; whether
 * that counts as a modification decides whether make and backup tools see
 * a preallocated-but-unwritten file as changed, and whether a KEEP_SIZE
 * reservation (invisible in the size) still marks the ctime so that
 * ctime-based backups pick up the new allocation.
 *
 * References: Linux fallocate(2) (mode 0, FALLOC_FL_KEEP_SIZE);
 * POSIX.1-2024 posix_fallocate() (says nothing about times).
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

#if !defined(_WIN32) && defined(FALLOC_FL_KEEP_SIZE)
static void probe(void)
{
    static const char *const name[3] = {"extend", "keep_size", "inside"};
    static const int mode[3] = {0, FALLOC_FL_KEEP_SIZE, 0};
    static const off_t off[3] = {0, 64 << 10, 0}, len[3] = {64 << 10, 64 << 10, 8};
    char obs[32];
    fsc_stat before[3];
    int fd[3];
    for (int i = 0; i < 3; i++) {
        fsc_put(name[i], "0123456789");
        FSC_CHECK((fd[i] = open(name[i], O_RDWR | O_CLOEXEC)) >= 0);
    }
    fsc_times_setup(3, name, before);
    for (int i = 0; i < 3; i++) {
        snprintf(obs, sizeof obs, "%s.fallocate", name[i]);
        fsc_obs_sys(obs, fallocate(fd[i], mode[i], off[i], len[i]));
    }
    fsc_obs_times_each(3, name, before);
    for (int i = 0; i < 3; i++) FSC_CHECK(close(fd[i]) == 0);
}
#else
static void probe(void) { fsc_skip("no_fallocate"); }
#endif

FSC_PROBE(probe)
