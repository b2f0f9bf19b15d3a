/*
 * time.write_times — which of a file's times a write() changes, of some bytes and of none.
 *
 * Steps: create "data" and "empty", each holding "data", and open both for
 * writing; set their access and modification times to 2001-09-09T01:46:40Z
 * and wait until the clock has passed their times (fsc_times_setup); write
 * 4 bytes at offset 0 to "data" and 0 bytes to "empty"; with the files
 * still open, report each write's result and, per file, each time
 * "changed" or "unchanged".
 *
 * Why: make, ninja, rsync and backup tools find edited files by their
 * mtime, and git's index and incremental backups (tar --newer-ctime,
 * restic, borg) by ctime; a write that leaves either alone on some file
 * system (a FUSE daemon that stamps only on close, a network file system
 * that caches attributes) is an edit nobody rebuilds or backs up. Programs
 * also write empty buffers (a log flush with nothing pending, a copy
 * loop's last chunk): POSIX makes that a no-op, Windows calls it a "null
 * write" whose effect depends on the file system, and whether it marks the
 * file modified decides whether make rebuilds and backup tools copy it.
 *
 * References: POSIX.1-2024 write() ("Upon successful completion, where
 * nbyte is greater than 0, write() shall mark for update the last data
 * modification and last file status change timestamps of the file"; "If
 * nbyte is zero and the file is a regular file ... write() shall return
 * zero and have no other results"), XBD 4.12 File Times Update; Win32
 * WriteFile ("A value of zero specifies a null write operation. The
 * behavior of a null write operation depends on the underlying file system
 * or communications technology").
 */
#include "fsc.h"

static void probe(void)
{
    static const char *const name[2] = {"data", "empty"};
    fsc_stat before[2];
    fsc_fd fd[2];
    size_t n;
    for (int i = 0; i < 2; i++) {
        fsc_put(name[i], "data");
        FSC_OK(fsc_op_open(name[i], FSC_WRITE | FSC_SHARE_CRT, &fd[i]));
    }
    fsc_times_setup(2, name, before);
    fsc_obs_op("data.write", fsc_op_write(fd[0], "more", 4, &n));
    fsc_obs_op("empty.write", fsc_op_write(fd[1], "", 0, &n));
    fsc_obs_times_each(2, name, before);
    for (int i = 0; i < 2; i++) FSC_OK(fsc_op_close(fd[i]));
}

FSC_PROBE(probe)
