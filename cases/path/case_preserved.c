/*
 * path.case_preserved — the name listed for a created "MixedCase", and after renaming it "MIXEDCASE".
 *
 * Steps: create an empty "MixedCase" (ops layer); list the sandbox
 * (fsc_op_list: readdir on POSIX, FindFirstFileW/FindNextFileW on Windows,
 * the only way to see a stored spelling) and report the names; rename "MixedCase" to
 * "MIXEDCASE" (ops layer), report the result, and list again. Names are
 * reported with fsc_obs_bytes, several joined by "/" (sorted).
 * The file is empty on purpose: on fusefat 0.1a a case-only rename of a
 * file with data leaves its directory so that a later deletion of the
 * directory makes the daemon loop for ever (observed); with no data
 * clusters it does not.
 *
 * Why: case-preserving filesystems (NTFS, exFAT, FAT with long names,
 * APFS) give back the spelling a program wrote; FAT without long names, or
 * some drivers, return "MIXEDCA~1" or "mixedcase". Build tools that compare
 * listed names with names in a manifest (Java class files, Go packages,
 * web servers mapping URLs to files), and version control, break when the
 * spelling changes under them, or when a case-only rename is silently
 * dropped (the old spelling stays listed).
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * ("case-preserving"); Microsoft Learn "Case sensitivity"
 * (https://learn.microsoft.com/windows/wsl/case-sensitivity); readdir(3);
 * FindFirstFileW; Linux Documentation/filesystems/vfat.rst (shortname=)
 */
#include "fsc.h"

#include <stdlib.h>
#include <string.h>

enum { MAXN = 4 };
static char names[MAXN][FSC_NAME_MAX];

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

/* Fill names[] with the sandbox's entries (at most MAXN), sorted; their count. */
static int list(void)
{
    int n;
    FSC_OK(fsc_op_list(".", names, MAXN, &n));
    if (n > MAXN) n = MAXN;
    qsort(names, (size_t)n, sizeof names[0], by_name);
    return n;
}

static void report(const char *obs)
{
    char all[sizeof names];
    size_t len = 0;
    int n = list();
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (i) all[len++] = '/';
        memcpy(all + len, names[i], l);
        len += l;
    }
    fsc_obs_bytes(obs, all, len);
}

static void probe(void)
{
    fsc_put("MixedCase", "");   /* empty: see the note above */
    report("listed_created");
    fsc_obs_op("rename", fsc_op_rename("MixedCase", "MIXEDCASE"));
    report("listed_renamed");
}

FSC_PROBE(probe)
