/*
 * dir.nlink — the link count of a directory, empty and with two subdirectories.
 *
 * Steps: make directory "d"; stat it (fsc_op_stat) and report its link
 * count; make "d/a" and "d/b" and a file "d/f"; stat "d" again and report
 * the link count.
 *
 * Why: on classic Unix filesystems a directory has 2 + (number of
 * subdirectories) links ("." and each child's ".."), and find(1), fts(3),
 * GNU du and some backup tools use that to stop looking for subdirectories
 * early (the "leaf optimisation"). Filesystems that report 1 (or a count
 * not following that rule) make such code skip subdirectories unless it
 * knows the filesystem; Windows reports 1.
 *
 * References: stat(2) st_nlink; GNU findutils "-noleaf" (find(1));
 * BY_HANDLE_FILE_INFORMATION nNumberOfLinks on Microsoft Learn
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("d"));
    FSC_OK(fsc_op_stat("d", &st));
    fsc_obs_int("nlink_empty", st.nlink);
    FSC_OK(fsc_op_mkdir("d/a"));
    FSC_OK(fsc_op_mkdir("d/b"));
    fsc_put("d/f", "x");
    FSC_OK(fsc_op_stat("d", &st));
    fsc_obs_int("nlink_two_subdirs", st.nlink);
}

FSC_PROBE(probe)
