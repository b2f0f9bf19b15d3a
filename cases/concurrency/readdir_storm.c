/*
 * concurrency.readdir_storm — listing a directory while another process creates and deletes files in it: are the entries that stay there throughout always listed, exactly once?
 *
 * Steps: make directory "d" holding 48 files s00..s47 that never change.
 * A helper, told "go", repeats until the file "stop" exists: create
 * d/t<k>, and remove d/t<k-8> (so 8 to 9 temporary names come and go). The
 * probe lists "d" 100 times through the operations layer while that runs,
 * and reports missing ("none" when every listing held all 48 stable names,
 * else "some") and repeated ("none" when no listing held any name twice,
 * else "some"). Temporary names may or may not appear: POSIX leaves that
 * open.
 *
 * Why: backup tools, build systems, rsync and "rm -rf" list directories
 * other programs are writing to (spool and cache directories, maildirs,
 * build output). POSIX promises that entries present for the whole scan are
 * returned exactly once; a file system whose directory cookies shift when
 * entries are added or removed (hash-ordered directories, network and FUSE
 * file systems that page through listings by offset) skips or repeats
 * stable files, and the tool silently misses or double-processes them.
 *
 * References: POSIX.1-2024 readdir() ("If a file is removed from or added
 * to the directory after the most recent call to opendir() or rewinddir(),
 * whether a subsequent call to readdir() returns an entry for that file is
 * unspecified" — and every other entry is returned once); FindNextFileW;
 * Linux getdents(2); dir.readdir_added_during (the single-process case).
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

enum { STABLE = 48, LISTINGS = 100, MAX = 128 };

static int churner(const char *arg)
{
    (void)arg;
    char path[32];
    fsc_stat st;
    fsc_expect(NULL, "go");
    for (int k = 0; fsc_op_stat("stop", &st); k++) {
        snprintf(path, sizeof path, "d/t%d", k);
        fsc_put(path, "");
        if (k < 8) continue;
        snprintf(path, sizeof path, "d/t%d", k - 8);
        FSC_OK(fsc_op_unlink(path));
    }
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    static char names[MAX][FSC_NAME_MAX];
    char path[32];
    int missing = 0, repeated = 0, count;
    FSC_OK(fsc_op_mkdir("d"));
    for (int i = 0; i < STABLE; i++) {
        snprintf(path, sizeof path, "d/s%02d", i);
        fsc_put(path, "");
    }
    fsc_helper *h = fsc_spawn("churner", "", FSC_SPAWN_EXEC);
    fsc_send(h, "go");
    for (int l = 0; l < LISTINGS; l++) {
        int seen[STABLE] = {0};
        FSC_OK(fsc_op_list("d", names, MAX, &count));
        FSC_CHECK(count <= MAX);
        for (int i = 0; i < count; i++) {
            int a, b = -1;
            if (sscanf(names[i], "s%2d", &a) == 1 && a >= 0 && a < STABLE && !names[i][3])
                repeated |= seen[a]++ > 0;
            for (int j = 0; j < i && b < 0; j++)
                if (!strcmp(names[i], names[j])) b = j;
            repeated |= b >= 0;
        }
        for (int i = 0; i < STABLE; i++) missing |= !seen[i];
    }
    fsc_put("stop", "");
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    fsc_obs_some("missing", missing);
    fsc_obs_some("repeated", repeated);
}

FSC_PROBE_HELPERS(probe, {"churner", churner})
