/*
 * mmap.msync_mtime — whether msync(), a store into an already dirty page, a store after writeback, and munmap mark the file's modification time.
 *
 * Steps: create "f" of 4096 bytes; map it shared, read-write, and store a
 * byte (the first write reference: a write fault). Then, with the file's
 * times set back to 2001-09-09T01:46:40Z by futimens before each group, and
 * "changed" or "unchanged" reported after each step: store another byte
 * into the page, already dirty ("store_dirty"), then msync(MS_SYNC)
 * ("msync_sync"); store a byte again, now into a page that writeback
 * cleaned ("store_clean"); store once more into the dirty page and
 * msync(MS_ASYNC) ("msync_async"); store once more and munmap without msync
 * ("munmap").
 *
 * Why: POSIX promises that the mtime of a file written through a mapping is
 * marked between the store and the next msync, so "msync, then stat" is
 * the portable way for a database or a build step writing through a mapping
 * to make the change visible to make, rsync and backups. Linux stamps the
 * time only on a write fault (the first store into a clean page), so a
 * store into a page that was already dirty, followed by msync, leaves the
 * mtime as it was: the change is invisible to anything comparing times.
 *
 * References: POSIX.1-2024 mmap() (timestamps "shall be marked for update
 * at some point in the interval between a write reference to the mapped
 * region and the next call to msync() with MS_ASYNC or MS_SYNC"), msync();
 * Linux mmap(2) NOTES; futimens().
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsc_posix.h"

enum { SIZE = 4096, PAST = 1000000000 };

static void set_past(int fd)
{
    struct timespec t[2] = {{PAST, 0}, {PAST, 0}};
    FSC_CHECK(futimens(fd, t) == 0);
}

static void report(const char *name, int fd)
{
    struct stat st;
    FSC_CHECK(fstat(fd, &st) == 0);
    int same = st.st_mtim.tv_sec == PAST && st.st_mtim.tv_nsec == 0;
    fsc_obs(name, "%s", same ? "unchanged" : "changed");
}

static void probe(void)
{
    int fd;
    char *m = fsc_map_shared("f", SIZE, &fd);
    fsc_mem_ok("storing through the mapping", fsc_mem_write(m, 'X'));
    set_past(fd);
    m[1] = 'X';
    report("store_dirty", fd);
    FSC_CHECK(msync(m, SIZE, MS_SYNC) == 0);
    report("msync_sync", fd);
    set_past(fd);
    m[2] = 'X';
    report("store_clean", fd);
    set_past(fd);
    m[3] = 'X';
    FSC_CHECK(msync(m, SIZE, MS_ASYNC) == 0);
    report("msync_async", fd);
    set_past(fd);
    m[4] = 'X';
    FSC_CHECK(munmap(m, SIZE) == 0);
    report("munmap", fd);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_msync"); }
#endif

FSC_PROBE(probe)
