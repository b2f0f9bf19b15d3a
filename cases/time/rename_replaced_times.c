/*
 * time.rename_replaced_times — which times of the file a rename replaces change, seen through its other link.
 *
 * Steps: create "a" holding "new" and "b" holding "old", and give "b" a
 * second name "keep" (a hard link; a file system without hard links skips);
 * for "keep", set its access and modification times to 2001-09-09T01:46:40Z
 * (older than its change time: under Linux relatime any read then updates
 * the access time) and wait until the clock has passed its times
 * (fsc_times_setup); rename "a" onto "b"; report the rename's result and,
 * for "keep" (the replaced file, which lives on under that name with one
 * link less), each time "changed" or "unchanged".
 *
 * Why: the replaced file loses a link, which is a change of its status:
 * POSIX unlink() marks the ctime of a file whose link count drops, and a
 * rename that replaces acts as an unlink of the destination. Backup tools
 * and git (hard-linked object stores, cp -al snapshot trees as in rsnapshot)
 * look at the ctime of the surviving link to notice that the file changed
 * status; a file system that skips it makes them miss it.
 *
 * References: POSIX.1-2024 rename() ("If the link named by the new argument
 * exists, it shall be removed"), unlink() ("if the file's link count is not
 * 0, the last file status change timestamp of the file shall be marked for
 * update"); Linux rename(2).
 */
#include "fsc.h"

static void probe(void)
{
    const char *keep = "keep";
    fsc_stat before;
    fsc_put("a", "new");
    fsc_put("b", "old");
    int e = fsc_op_link("b", "keep");
    if (e == FSC_UNSUPPORTED) fsc_skip("backend_unsupported");
    if (e) fsc_skip("no_hard_links_on_this_filesystem");
    fsc_times_setup(1, &keep, &before);
    fsc_obs_op("rename", fsc_op_rename("a", "b"));
    fsc_obs_times("", "keep", &before);
}

FSC_PROBE(probe)
