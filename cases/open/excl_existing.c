/*
 * open.excl_existing — exclusive create (O_CREAT|O_EXCL) of a name that already exists.
 *
 * Steps: create "f" holding "old"; open "f" for writing with create and
 * exclusive; report the result; report whether "f" still holds "old".
 *
 * Why: exclusive create is the portable lock-file and "create a unique
 * temporary name" primitive (mkstemp, lock files of package managers and
 * editors). It must fail with EEXIST (ERROR_FILE_EXISTS on Windows) and leave
 * the existing file alone; a platform or network file system that succeeds,
 * or truncates, lets two processes both think they own the lock.
 *
 * References: POSIX.1-2024 open() (O_EXCL, [EEXIST]); CreateFileW
 * CREATE_NEW; open(2) (O_EXCL on NFS needs NFSv3 or later).
 */
#include "fsc.h"

#include <string.h>

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "old");
    int err = fsc_op_open("f", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
    fsc_obs_op("open", err);
    if (!err) FSC_OK(fsc_op_close(fd));
    const char *now = fsc_get("f");
    fsc_obs_bool("content_kept", now && !strcmp(now, "old"));
}

FSC_PROBE(probe)
