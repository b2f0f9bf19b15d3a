/*
 * time.create_parent_times — which of the parent directory's times creating a file changes.
 *
 * Steps: create directory "d"; set its access and modification times to
 * 2001-09-09T01:46:40Z (older than its change time: under Linux relatime
 * any read then updates the access time) and wait until the clock has
 * passed its times (fsc_times_setup); create "d/f" (open with create and
 * exclusive, then close); report the create's result and each of "d"'s
 * times "changed" or "unchanged".
 *
 * Why: a new file is a new entry: the directory's mtime and ctime are what
 * polling file watchers (webpack's and watchman's fallbacks, Dropbox,
 * Syncthing's scans), Maildir readers checking new/, NFS clients'
 * negative-lookup caches and make's directory dependencies look at.
 *
 * References: POSIX.1-2024 open() ("If O_CREAT is set and the file did not
 * previously exist, upon successful completion, open() shall mark for
 * update the last data access, last data modification, and last file status
 * change timestamps of the file and the last data modification and last
 * file status change timestamps of the parent directory"); Linux open(2);
 * Win32 CreateFileW (CREATE_NEW).
 */
#include "fsc.h"

static void probe(void)
{
    const char *d = "d";
    fsc_stat before;
    fsc_fd fd;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_times_setup(1, &d, &before);
    int e = fsc_op_open("d/f", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
    fsc_obs_op("create", e);
    if (!e) FSC_OK(fsc_op_close(fd));
    fsc_obs_times("", "d", &before);
}

FSC_PROBE(probe)
