/*
 * dir.readdir_order — the order readdir returns entries in, against the order they were created in.
 *
 * Steps: make directory "d"; create twelve files in it in a fixed, unsorted
 * order (ff fl fc fh fa fj fd fg fk fb fi fe); read it with opendir/readdir, ignoring
 * "." and ".."; report the order as a class: creation, sorted (by name),
 * reverse_creation, reverse_sorted, or other; and how many files were seen.
 *
 * Why: POSIX leaves the order unspecified, but programs come to rely on the
 * one their filesystem happens to give: build systems and archivers that
 * list a directory produce different outputs (non-reproducible builds,
 * tar/zip archives whose bytes differ per machine), test suites run in a
 * different order, and "ls -U" style tools look shuffled. Knowing which
 * filesystems return creation order, name order or hash order tells users
 * when they must sort.
 *
 * References: POSIX.1-2024 readdir() (order unspecified); readdir(3);
 * https://reproducible-builds.org/docs/stable-inputs/
 */
#include "fsc.h"

#ifndef _WIN32
#include <dirent.h>
#include <stdio.h>
#include <string.h>

/* Twelve names, so that a hash order matches one of the four named orders
 * by chance once in 12!/4 (ext4's hash seed changes with every mkfs). */
enum { N = 12 };
static const int created[N] = {5, 11, 2, 7, 0, 9, 3, 6, 10, 1, 8, 4};   /* "ff" first */

/* Whether seen[] is the creation order (or the sorted one), forwards or backwards. */
static int matches(const int *seen, int sorted, int reverse)
{
    for (int i = 0; i < N; i++) {
        int k = reverse ? N - 1 - i : i;
        if (seen[i] != (sorted ? k : created[k])) return 0;
    }
    return 1;
}

static void probe(void)
{
    int seen[N], count = 0;
    char path[16];
    FSC_OK(fsc_op_mkdir("d"));
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "d/f%c", 'a' + created[i]);
        fsc_put(path, "x");
    }
    DIR *dir = opendir("d");
    FSC_CHECK(dir != NULL);
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        const char *s = e->d_name;
        if (!strcmp(s, ".") || !strcmp(s, "..")) continue;
        int k = s[0] == 'f' && s[1] >= 'a' && s[1] < 'a' + N && !s[2] ? s[1] - 'a' : -1;
        if (count < N) seen[count] = k;
        count++;
    }
    FSC_CHECK(closedir(dir) == 0);
    fsc_obs_int("count", count);
    fsc_obs("order", "%s", count != N                 ? "other"
                           : matches(seen, 0, 0) ? "creation"
                           : matches(seen, 1, 0) ? "sorted"
                           : matches(seen, 0, 1) ? "reverse_creation"
                           : matches(seen, 1, 1) ? "reverse_sorted"
                                                 : "other");
}
#else
static void probe(void) { fsc_skip("no_posix_readdir"); }
#endif

FSC_PROBE(probe)
