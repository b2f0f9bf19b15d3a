/*
 * mmap.msync_flags — which msync() flag combinations are accepted, and msync on a misaligned address and on an unmapped range.
 *
 * Steps: create "f" of 4096 bytes; map it shared, read-write; store a byte;
 * call msync on the whole page with MS_ASYNC, MS_SYNC, MS_INVALIDATE,
 * MS_ASYNC|MS_INVALIDATE, MS_SYNC|MS_INVALIDATE and MS_ASYNC|MS_SYNC, each
 * reported "ok" or the errno name; then msync(MS_SYNC) at the page address
 * plus one (misaligned); then unmap and msync(MS_SYNC) the same range.
 *
 * Why: databases and journals (LMDB, SQLite's mmap mode, Kafka-like logs)
 * call msync to make stores durable; portable wrappers combine flags
 * blindly. POSIX makes MS_ASYNC|MS_SYNC together an error and requires a
 * page-aligned address; an unmapped range is ENOMEM. A wrapper that
 * passes 0 or both flags, or an unaligned pointer into a record, gets an
 * error on one system and silent success (and no durability) on another.
 *
 * References: POSIX.1-2024 msync() ("[EINVAL] The value of flags is
 * invalid" — exactly one of MS_ASYNC and MS_SYNC; "[EINVAL] The value of
 * addr is not a multiple of the page size"; "[ENOMEM] The addresses in the
 * range starting at addr and continuing for len bytes are outside the range
 * allowed for the address space of a process or specify one or more pages
 * that are not mapped"); Linux msync(2).
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fsc_posix.h"

enum { SIZE = 4096 };

static const struct {
    const char *name;
    int flags;
} cases[] = {
    {"async", MS_ASYNC},
    {"sync", MS_SYNC},
    {"invalidate", MS_INVALIDATE},
    {"async_invalidate", MS_ASYNC | MS_INVALIDATE},
    {"sync_invalidate", MS_SYNC | MS_INVALIDATE},
    {"async_sync", MS_ASYNC | MS_SYNC},
};

static void probe(void)
{
    int fd;
    char *m = fsc_map_shared("f", SIZE, &fd);
    fsc_mem_ok("storing through the mapping", fsc_mem_write(m, 'X'));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        fsc_obs_sys(cases[i].name, msync(m, SIZE, cases[i].flags));
    fsc_obs_sys("misaligned", msync(m + 1, SIZE - 1, MS_SYNC));
    FSC_CHECK(munmap(m, SIZE) == 0);
    fsc_obs_sys("unmapped", msync(m, SIZE, MS_SYNC));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_msync"); }
#endif

FSC_PROBE(probe)
