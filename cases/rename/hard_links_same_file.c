/*
 * rename.hard_links_same_file — rename a file onto another hard link of the same file.
 *
 * Steps: create "a" ("data") and hard-link it as "b" (fsc_op_link); rename
 * "a" to "b"; report the result, whether each name still exists and the
 * link count.
 *
 * Why: POSIX says this rename succeeds and does nothing, so "a" survives —
 * surprising for "mv a b", which users expect to leave only "b". Backup and
 * deduplication tools that hard-link files (rsync --link-dest, cp -l trees)
 * and then rename over them can end up with both names, and code that
 * assumes "after rename, old name is gone" is wrong here.
 *
 * References: POSIX.1-2024 rename() ("If the old argument and the new
 * argument resolve to ... different directory entries for the same existing
 * file, rename() shall return successfully and perform no other action");
 * rename(2) NOTES; link(2); MoveFileExW, CreateHardLinkW
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    fsc_put("a", "data");
    int err = fsc_op_link("a", "b");
    fsc_obs_op("link", err);
    if (err) return;   /* no hard links on this filesystem: nothing more to see */
    fsc_obs_op("rename", fsc_op_rename("a", "b"));
    fsc_obs_op("stat_a", fsc_op_stat("a", &st));
    err = fsc_op_stat("b", &st);
    fsc_obs_op("stat_b", err);
    if (err) fsc_obs("nlink", "none");
    else fsc_obs_int("nlink", st.nlink);
}

FSC_PROBE(probe)
