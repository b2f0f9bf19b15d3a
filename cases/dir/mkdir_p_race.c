/*
 * dir.mkdir_p_race — two processes create the same directory trees at once ("mkdir -p" race).
 *
 * Steps: a helper and the probe wait for each other ("ready"/"go"), then
 * each creates the same 20 trees "tN/a/b/c/d/e" level by level (mkdir of
 * every component; a failed mkdir counts as success when stat then shows
 * a directory there, which is what EEXIST from the other process's mkdir
 * means); each reports the first failure that leaves no directory, or
 * none (probe_errors, helper_errors); the
 * probe then reports whether every leaf is a directory (trees_complete).
 *
 * Why: parallel builds (make -j, ninja), package installers and test
 * runners create output directories concurrently. "mkdir -p" is correct
 * only if a failed mkdir of a name another process just made always
 * says EEXIST; a file system that answers ENOENT, EIO or a short window
 * where the new directory is not yet usable breaks every such caller
 * (Python's os.makedirs(exist_ok=True), Go's os.MkdirAll).
 *
 * References: POSIX.1-2024 mkdir() ([EEXIST]), mkdir utility (-p:
 * "each component ... that does not name an existing directory shall be
 * created"); CreateDirectoryW (ERROR_ALREADY_EXISTS).
 */
#include <stdio.h>
#include <string.h>
#include "fsc.h"

static const char *make_trees(void)
{
    static const char *const parts[] = {"a", "b", "c", "d", "e"};
    char path[64];
    fsc_stat st;
    for (int t = 0; t < 20; t++) {
        int n = snprintf(path, sizeof path, "t%d", t);
        for (int i = 0; i <= 5; i++) {
            if (i > 0) n += snprintf(path + n, sizeof path - (size_t)n, "/%s", parts[i - 1]);
            int err = fsc_op_mkdir(path);
            /* EEXIST is success only when the name now is a directory */
            if (err && (fsc_op_stat(path, &st) != 0 || st.type != FSC_TYPE_DIR))
                return fsc_op_errname(err);
        }
    }
    return "none";
}

static int racer(const char *arg)
{
    (void)arg;
    fsc_send(NULL, "ready");
    fsc_expect(NULL, "go");
    fsc_send(NULL, "%s", make_trees());
    return 0;
}

static void probe(void)
{
    fsc_stat st;
    char leaf[32];
    fsc_helper *h = fsc_spawn("racer", "", FSC_SPAWN_EXEC);
    fsc_expect(h, "ready");
    fsc_send(h, "go");
    fsc_obs("probe_errors", "%s", make_trees());
    fsc_obs("helper_errors", "%s", fsc_recv(h));
    FSC_CHECK(fsc_wait(h) == 0);
    int complete = 1;
    for (int t = 0; t < 20; t++) {
        snprintf(leaf, sizeof leaf, "t%d/a/b/c/d/e", t);
        if (fsc_op_stat(leaf, &st) != 0 || st.type != FSC_TYPE_DIR) complete = 0;
    }
    fsc_obs_bool("trees_complete", complete);
}

FSC_PROBE_HELPERS(probe, {"racer", racer})
