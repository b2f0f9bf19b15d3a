/*
 * open.dir_for_write — open a directory for writing (write-only and read-write).
 *
 * Steps: make directory "d"; open "d" write-only, then read-write (no
 * create, no truncate); report each result.
 *
 * Why: a program given a directory where it expects a file (a path typo, a
 * config naming a directory) must get a clear error, not a handle whose
 * writes fail later or, worse, succeed somewhere. POSIX requires EISDIR;
 * Windows reports ERROR_ACCESS_DENIED, which callers misread as a
 * permission problem.
 *
 * References: POSIX.1-2024 open() ([EISDIR] "The named file is a directory
 * and oflag includes O_WRONLY or O_RDWR"); CreateFileW (directories need
 * FILE_FLAG_BACKUP_SEMANTICS).
 */
#include "fsc.h"

static void try_open(const char *name, int flags)
{
    fsc_fd fd;
    int err = fsc_op_open("d", flags | FSC_SHARE_CRT, &fd);
    fsc_obs_op(name, err);
    if (!err) FSC_OK(fsc_op_close(fd));
}

static void probe(void)
{
    FSC_OK(fsc_op_mkdir("d"));
    try_open("open_write", FSC_WRITE);
    try_open("open_rdwr", FSC_RDWR);
}

FSC_PROBE(probe)
