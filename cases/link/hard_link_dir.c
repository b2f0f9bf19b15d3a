/*
 * link.hard_link_dir — a hard link to a directory.
 *
 * Steps: make directory "d"; make the hard link "e" to it (fsc_op_link:
 * link(2) / CreateHardLinkW); report the result and whether the name "e"
 * exists afterwards.
 *
 * Why: a second name for a directory would make the tree a graph (loops,
 * ".." with two parents), which is why every current system refuses it.
 * Tree walkers, backup tools and "cp -al" style cloners rely on never
 * meeting one; the error they get tells them to recurse instead.
 *
 * References: POSIX.1-2024 link() ([EPERM] "The file named by path1 is a
 * directory and either the calling process does not have appropriate
 * privileges or the implementation prohibits using link() on
 * directories"); link(2); CreateHardLinkW on Microsoft Learn
 * ("lpExistingFileName ... cannot specify a directory")
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_obs_op("link", fsc_op_link("d", "e"));
    fsc_obs_op("stat_new_name", fsc_op_stat("e", &st));
}

FSC_PROBE(probe)
