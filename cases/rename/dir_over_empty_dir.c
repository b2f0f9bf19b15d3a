/*
 * rename.dir_over_empty_dir — rename a directory over an existing empty directory.
 *
 * Steps: make directory "a" holding file "a/f" ("x") and an empty directory
 * "b"; rename "a" to "b"; report whether "a" still exists and what "b/f"
 * reads.
 *
 * Why: POSIX replaces an empty destination directory in one step, which is
 * what "rename the fresh tree over the placeholder" code relies on. Windows'
 * MoveFileEx with MOVEFILE_REPLACE_EXISTING refuses to replace a directory,
 * so such code has to remove the destination first and accept a window in
 * which neither name exists.
 *
 * References: POSIX.1-2024 rename() ("If new names an existing directory, it
 * shall be required to be an empty directory"); rename(2); MoveFileExW
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("a"));
    fsc_put("a/f", "x");
    FSC_OK(fsc_op_mkdir("b"));
    fsc_obs_op("rename", fsc_op_rename("a", "b"));
    fsc_obs_op("src_stat", fsc_op_stat("a", &st));
    fsc_obs_file("dst_file_reads", "b/f");
}

FSC_PROBE(probe)
