/*
 * time.msync_times — when a store through a shared mapping changes a file's times: at the store, or at msync().
 *
 * Steps: create "f" holding 4095 bytes, open it read-write and map it
 * shared (a file system that refuses the mapping skips); set its access
 * and modification times to 2001-09-09T01:46:40Z and wait until the clock
 * has passed its times (fsc_times_setup); store one
 * byte through the mapping and report each time "changed" or "unchanged"
 * (store.); then set the times old again and wait the same way, call
 * msync(MS_SYNC) and report each time again (msync.).
 *
 * Why: databases and editors that write through mappings (LMDB, SQLite in
 * mmap mode, git's pack writer, Emacs' memory-mapped buffers on some
 * systems) rely on make, rsync and backup tools seeing the change; POSIX
 * only promises it at msync() (or some time after the store), while Linux
 * stamps the times when the first store dirties a page. A tool that looks
 * between the store and the msync sees different things on each system.
 *
 * References: POSIX.1-2024 mmap() ("The last data modification and last
 * file status change timestamps of a file that is mapped with MAP_SHARED
 * and PROT_WRITE shall be marked for update at some point in the interval
 * between a write reference to the mapped region and the next call to
 * msync() with MS_ASYNC or MS_SYNC for that portion of the file by any
 * process"); Linux mmap(2), msync(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void probe(void)
{
    const char *f = "f";
    char page[4096];
    fsc_stat before;
    memset(page, 'a', sizeof page - 1);
    page[sizeof page - 1] = 0;
    fsc_put("f", page);
    int fd = open("f", O_RDWR);
    FSC_CHECK(fd >= 0);
    char *p = mmap(NULL, sizeof page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) fsc_skip("no_shared_mapping_on_this_filesystem");
    fsc_times_setup(1, &f, &before);
    fsc_mem_ok("storing through the mapping", fsc_mem_write(p, 'b'));
    fsc_obs_times("store.", "f", &before);
    fsc_times_setup(1, &f, &before);
    fsc_obs_sys("msync", msync(p, sizeof page, MS_SYNC));
    fsc_obs_times("msync.", "f", &before);
    FSC_CHECK(munmap(p, sizeof page) == 0);
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_msync"); }
#endif

FSC_PROBE(probe)
