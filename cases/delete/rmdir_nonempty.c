/*
 * delete.rmdir_nonempty — rmdir a directory that still holds a file.
 *
 * Steps: make directory "d" holding file "d/f"; rmdir "d"; report the error
 * and whether "d/f" is still there.
 *
 * Why: "remove the directory if it is empty" (cleanup of lock or spool
 * directories, pruning empty parents after deleting a file) is written as
 * "rmdir and ignore the not-empty error". POSIX allows either EEXIST or
 * ENOTEMPTY, Windows says ERROR_DIR_NOT_EMPTY: code that ignores only one of
 * them reports spurious failures elsewhere.
 *
 * References: POSIX.1-2024 rmdir() ([EEXIST] or [ENOTEMPTY]); rmdir(2);
 * RemoveDirectoryW
 */
#include "fsc.h"

static void probe(void)
{
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "x");
    fsc_obs_op("rmdir", fsc_op_rmdir("d"));
    fsc_obs_bool("file_kept", fsc_get("d/f") != NULL);
}

FSC_PROBE(probe)
