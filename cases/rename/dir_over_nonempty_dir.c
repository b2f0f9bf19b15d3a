/*
 * rename.dir_over_nonempty_dir — rename a directory over an existing non-empty directory.
 *
 * Steps: make directory "a" and directory "b" holding file "b/f"; rename "a"
 * to "b"; report the error, whether "b/f" is still there and whether "a"
 * still exists.
 *
 * Why: tools that publish a directory atomically (build output, package
 * staging, "mv new current") rely on rename replacing the destination. For a
 * non-empty destination POSIX refuses, but lets the system choose between
 * two error codes, so code that tests for one of them (say ENOTEMPTY only)
 * misreads the other as a hard failure on another system; Windows refuses
 * directory replacement altogether with yet another code.
 *
 * References: POSIX.1-2024 rename() ([EEXIST] or [ENOTEMPTY]); rename(2);
 * MoveFileExW
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("a"));
    FSC_OK(fsc_op_mkdir("b"));
    fsc_put("b/f", "x");
    fsc_obs_op("rename", fsc_op_rename("a", "b"));
    const char *f = fsc_get("b/f");
    fsc_obs_bool("dst_file_kept", f != NULL);
    fsc_obs_op("src_stat", fsc_op_stat("a", &st));
}

FSC_PROBE(probe)
