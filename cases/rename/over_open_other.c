/*
 * rename.over_open_other — rename a file over a destination another process has open.
 *
 * Steps: create "dst" (old) and "src" (new); start a helper that opens "dst"
 * for reading with the C runtime's default sharing and says "open"; rename
 * "src" over "dst"; the helper then reads through its handle and reports what
 * it sees; the probe reads the name "dst" afresh.
 *
 * Why: atomic save (write a temporary file, rename it over the original) is
 * how editors, package managers and build tools update files. On POSIX the
 * rename succeeds and the reader keeps the old inode; on Windows it fails
 * with a sharing violation unless the reader opened with FILE_SHARE_DELETE,
 * so saving fails whenever a virus scanner or indexer has the file open.
 *
 * References: POSIX rename(); MoveFileExW (MOVEFILE_REPLACE_EXISTING);
 * https://github.com/golang/go/issues/8914
 */
#include "fsc.h"

#include <string.h>

static int reader(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("dst", FSC_READ | FSC_SHARE_CRT, &fd));
    fsc_send(NULL, "open");
    fsc_expect(NULL, "renamed");
    fsc_obs_read("helper_reads", fd);
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_put("dst", "old");
    fsc_put("src", "new");
    fsc_helper *h = fsc_spawn("reader", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "open");
    fsc_obs_op("rename", fsc_op_rename("src", "dst"));
    fsc_send(h, "renamed");
    fsc_expect(h, "done");
    fsc_obs_file("name_reads", "dst");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"reader", reader})
