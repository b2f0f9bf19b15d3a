/*
 * delete.unlink_dir — unlink (delete a file) applied to a directory.
 *
 * Steps: make directory "d"; unlink "d"; report the error and whether "d"
 * is still a directory.
 *
 * Why: recursive-delete code and "remove whatever this path is" helpers
 * often try unlink first and fall back to rmdir on a particular error. POSIX
 * names EPERM for a directory, Linux returns EISDIR, and historically a
 * privileged unlink of a directory could succeed and corrupt the tree, so
 * code keyed on one error code misbehaves elsewhere.
 *
 * References: POSIX.1-2024 unlink() ([EPERM] "The file named by path is a
 * directory, and either the calling process does not have appropriate
 * privileges, or the implementation prohibits using unlink() on
 * directories"); unlink(2) (EISDIR is Linux-specific); LSB Core unlink
 * ("May return EISDIR on directories",
 * http://refspecs.linuxbase.org/LSB_4.1.0/LSB-Core-generic/LSB-Core-generic/baselib-unlink-3.html);
 * DeleteFileW
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_obs_op("unlink", fsc_op_unlink("d"));
    int err = fsc_op_stat("d", &st);
    fsc_obs_bool("dir_kept", err == 0 && st.type == FSC_TYPE_DIR);
}

FSC_PROBE(probe)
