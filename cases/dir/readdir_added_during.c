/*
 * dir.readdir_added_during — entries created while a directory is being read: seen or not.
 *
 * Steps: make directory "d" with four files a0..a3; opendir it and readdir
 * until the first file; create four more files b0..b3; readdir on to the
 * end. Report how many of the old files were seen (each once is 4), how
 * many times any name came twice, and how many of the new files were seen.
 *
 * Why: POSIX leaves it unspecified whether entries added during a scan
 * appear, but it does promise every entry that existed throughout is seen
 * exactly once. Tools that create files while scanning a directory (a
 * thumbnailer writing next to the images, "for f in *; do cp $f $f.bak"
 * done with readdir, rm -rf racing a writer) loop for ever, miss entries
 * or process their own output depending on the filesystem.
 *
 * References: POSIX.1-2024 readdir() ("If a file is removed from or added
 * to the directory after the most recent call to opendir() or rewinddir(),
 * whether a subsequent call to readdir() returns an entry for that file is
 * unspecified"); readdir(3); getdents(2)
 */
#include "fsc.h"

#ifndef _WIN32
#include <dirent.h>
#include <stdio.h>

static void probe(void)
{
    int seen[2][4] = {{0}}, twice = 0, started = 0;
    char path[16];
    FSC_OK(fsc_op_mkdir("d"));
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "d/a%d", i);
        fsc_put(path, "x");
    }
    DIR *dir = opendir("d");
    FSC_CHECK(dir != NULL);
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        char c = e->d_name[0], k = e->d_name[1];
        if ((c != 'a' && c != 'b') || k < '0' || k > '3' || e->d_name[2]) continue;
        if (seen[c - 'a'][k - '0']++) twice++;
        if (started++) continue;
        for (int i = 0; i < 4; i++) {   /* after the first file: add the new ones */
            snprintf(path, sizeof path, "d/b%d", i);
            fsc_put(path, "x");
        }
    }
    FSC_CHECK(closedir(dir) == 0);
    int old = 0, added = 0;
    for (int i = 0; i < 4; i++) {
        old += seen[0][i] > 0;
        added += seen[1][i] > 0;
    }
    fsc_obs_int("old_seen", old);
    fsc_obs_int("repeated", twice);
    fsc_obs_int("new_seen", added);
}
#else
static void probe(void) { fsc_skip("no_posix_readdir"); }
#endif

FSC_PROBE(probe)
