/*
 * delete.recreate_while_open — create a file under the name of a deleted file that is still open.
 *
 * Steps: create "f" ("old"); start a helper that opens "f" for reading with
 * full sharing (delete sharing included) and says "open"; unlink "f"; create
 * "f" again with an exclusive create and write "new" to it; the helper then
 * reads through its handle; the probe reads the name.
 *
 * Why: delete-then-recreate is how many programs replace a file (lock
 * files, pid files, caches, test fixtures). On POSIX the name is free as
 * soon as unlink returns. On Windows, before POSIX delete semantics, a file
 * deleted while another handle is open stays "delete pending": the name
 * still exists, and creating it again fails with access denied until the
 * last handle closes — the classic cause of flaky "Access is denied"
 * errors in build tools when a virus scanner or indexer holds the file.
 *
 * References: POSIX.1-2024 unlink(); unlink(2); DeleteFileW (remarks on
 * delete-pending files); FILE_DISPOSITION_INFO_EX
 * (FILE_DISPOSITION_FLAG_POSIX_SEMANTICS)
 */
#include "fsc.h"

static int reader(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd));
    fsc_send(NULL, "open");
    fsc_expect(NULL, "recreated");
    fsc_obs_read("helper_reads", fd);
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    fsc_put("f", "old");
    fsc_helper *h = fsc_spawn("reader", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "open");
    fsc_obs_op("unlink", fsc_op_unlink("f"));
    int err = fsc_op_open("f", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_ALL, &fd);
    fsc_obs_op("recreate", err);
    if (!err) {
        FSC_OK(fsc_op_write(fd, "new", 3, &n));
        FSC_OK(fsc_op_close(fd));
    }
    fsc_send(h, "recreated");
    fsc_expect(h, "done");
    fsc_obs_file("name_reads", "f");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"reader", reader})
