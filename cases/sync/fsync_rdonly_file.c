/*
 * sync.fsync_rdonly_file — fsync(2) and fdatasync(2) through a read-only descriptor of a file with unwritten data.
 *
 * Steps: create "f" ("data"); open it O_RDONLY (reader) and O_WRONLY
 * (writer); write "more" over "data" through the writer, leaving dirty
 * data in the page cache; fsync the reader's descriptor and report the
 * result; fdatasync it and report the result.
 *
 * Why: programs that want a file durable often hold it open read-only (a
 * verifier, a backup agent, a process syncing a file another process
 * wrote). POSIX does not say whether fsync needs write access; Windows'
 * FlushFileBuffers does (the handle needs GENERIC_WRITE), so durability
 * code that syncs through a read-only descriptor works on one system and
 * fails on another.
 *
 * References: POSIX.1-2024 fsync() (EBADF, EINVAL);
 * fsync(2) (it flushes "all modified in-core data of ... the file referred
 * to by the file descriptor"); Microsoft Learn FlushFileBuffers ("The file
 * handle must have the GENERIC_WRITE access right")
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>

static void probe(void)
{
    int rd, wr;
    fsc_put("f", "data");
    FSC_CHECK((rd = open("f", O_RDONLY | O_CLOEXEC)) >= 0);
    FSC_CHECK((wr = open("f", O_WRONLY | O_CLOEXEC)) >= 0);
    FSC_CHECK(write(wr, "more", 4) == 4);
    fsc_obs_sys("fsync", fsync(rd));
    fsc_obs_sys("fdatasync", fdatasync(rd));
    FSC_CHECK(close(rd) == 0 && close(wr) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_fsync"); }
#endif

FSC_PROBE(probe)
