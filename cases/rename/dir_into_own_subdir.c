/*
 * rename.dir_into_own_subdir — rename a directory into one of its own subdirectories.
 *
 * Steps: make "a" and "a/sub"; rename "a" to "a/sub/a"; report the error and
 * whether "a/sub" is still reachable under its old path.
 *
 * Why: moving a directory below itself would detach it from the tree (a
 * loop no path reaches). File managers and sync tools that move user-chosen
 * directories depend on the system refusing, and on the error being the one
 * the standard names so they can tell the user why.
 *
 * References: POSIX.1-2024 rename() ([EINVAL] "The old pathname names an
 * ancestor directory of the new pathname"); rename(2); MoveFileExW
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("a"));
    FSC_OK(fsc_op_mkdir("a/sub"));
    fsc_obs_op("rename", fsc_op_rename("a", "a/sub/a"));
    int err = fsc_op_stat("a/sub", &st);
    fsc_obs_bool("tree_kept", err == 0 && st.type == FSC_TYPE_DIR);
}

FSC_PROBE(probe)
