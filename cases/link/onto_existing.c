/*
 * link.onto_existing — a hard link whose new name already exists as a file or a directory.
 *
 * Steps: create "a" ("a"), "b" ("b") and the directory "d"; make the hard
 * link "b" and then "d" to "a" (fsc_op_link: link(2) / CreateHardLinkW);
 * report each result and whether "b" still reads "b" (b_kept).
 *
 * Why: link is the atomic "create only if absent" primitive of lock-file
 * and mail-delivery code (link a unique temporary name to the lock name,
 * treat EEXIST as "held"), and backup tools hard-link files into trees
 * that may already hold the name. It must never replace the existing
 * name, and the error must say "exists" on every platform.
 *
 * References: POSIX.1-2024 link() ([EEXIST] "The path2 argument resolves
 * to an existing directory entry"); link(2); CreateHardLinkW on Microsoft
 * Learn (ERROR_ALREADY_EXISTS).
 */
#include "fsc.h"

static void probe(void)
{
    fsc_put("a", "a");
    fsc_put("b", "b");
    FSC_OK(fsc_op_mkdir("d"));
    fsc_obs_op("onto_file", fsc_op_link("a", "b"));
    fsc_obs_op("onto_dir", fsc_op_link("a", "d"));
    const char *s = fsc_get("b");
    fsc_obs_bool("b_kept", s && s[0] == 'b' && !s[1]);
}

FSC_PROBE(probe)
