/*
 * link.hard_link — a second name for a file: link count, identity, and a write through one name.
 *
 * Steps: create "a" ("data"); make the hard link "b" to it (fsc_op_link:
 * link(2) / CreateHardLinkW); stat both names and report each link count and
 * whether they are the same file (device and inode / volume serial and file
 * index); write "DATA" over the start of "b" and report what "a" reads.
 *
 * Why: hard links are how package managers, backup tools (rsync
 * --link-dest, Time Machine style snapshots), build caches (ccache, Nix,
 * pnpm's store) and git's object store share one copy of the data. They
 * need the link to succeed, both names to count as one file (so copy and
 * archive tools do not store it twice) and a change through one name to be
 * seen through the other. Filesystems without hard links (FAT, exFAT) make
 * such tools fall back to copies.
 *
 * References: POSIX.1-2024 link(); link(2); stat(2) st_nlink;
 * CreateHardLinkW and BY_HANDLE_FILE_INFORMATION (nNumberOfLinks,
 * nFileIndexHigh/Low) on Microsoft Learn
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat sa, sb;
    fsc_fd fd;
    size_t n;
    fsc_put("a", "data");
    int err = fsc_op_link("a", "b");
    fsc_obs_op("link", err);
    if (err) return;   /* no hard links here: the rest has nothing to look at */
    FSC_OK(fsc_op_stat("a", &sa));
    FSC_OK(fsc_op_stat("b", &sb));
    fsc_obs_int("nlink_a", sa.nlink);
    fsc_obs_int("nlink_b", sb.nlink);
    fsc_obs_bool("same_file", sa.dev == sb.dev && sa.ino == sb.ino);
    FSC_OK(fsc_op_open("b", FSC_WRITE | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_write(fd, "DATA", 4, &n));
    FSC_OK(fsc_op_close(fd));
    fsc_obs_file("a_reads", "a");
}

FSC_PROBE(probe)
