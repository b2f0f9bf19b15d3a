/*
 * sync.fsync_dir — fsync(2) and fdatasync(2) on a directory opened read-only, after creating a file in it.
 *
 * Steps: mkdir "d"; open("d", O_RDONLY|O_DIRECTORY); create "d/f"; fsync the
 * directory descriptor and report the result; fdatasync it and report the
 * result.
 *
 * Why: making a new or renamed file durable takes an fsync of the file and
 * one of its directory (PostgreSQL, SQLite, LMDB, git, every "atomic
 * write" helper). A directory can only be opened read-only, and POSIX lets
 * fsync fail there (EBADF or EINVAL where the filesystem does not support
 * it), so durability code must know whether to ignore the error: ignoring
 * it where the call was needed loses files after a crash.
 *
 * References: POSIX.1-2024 fsync() (EINVAL: "the file descriptor does not
 * refer to a file on which this operation is possible"); fsync(2) ("Calling
 * fsync() does not necessarily ensure that the entry in the directory
 * containing the file has also reached disk. For that an explicit fsync()
 * on a file descriptor for the directory is also needed")
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
    int fd;
    FSC_OK(fsc_op_mkdir("d"));
    FSC_CHECK((fd = open("d", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0);
    fsc_put("d/f", "data");
    fsc_obs_sys("fsync", fsync(fd));
    fsc_obs_sys("fdatasync", fdatasync(fd));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_fsync"); }
#endif

FSC_PROBE(probe)
