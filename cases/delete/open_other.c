/*
 * delete.open_other — unlink a file another process has open, then use its descriptor.
 *
 * Steps: create "f" ("data"); start a helper that opens "f" for reading and
 * writing with the C runtime's default sharing and says "open"; unlink "f"
 * and look the name up with stat; the helper then, through its descriptor,
 * reads (the old content), writes "more", and fstat's it (link count and
 * size).
 *
 * Why: deleting a file that someone still uses is routine on POSIX (temp
 * files unlinked right after creation, log files removed under a running
 * daemon, upgrades replacing libraries in use): the name goes at once, the
 * data lives on until the last descriptor closes, with a link count of 0.
 * On Windows the delete fails with a sharing violation unless the other
 * side opened with FILE_SHARE_DELETE, which breaks uninstallers, cleanup of
 * temporary directories and test suites.
 *
 * References: POSIX.1-2024 unlink() ("If one or more processes have the
 * file open when the last link is removed, the link shall be removed before
 * unlink() returns, but the removal of the file contents shall be postponed
 * until all references to the file are closed"); unlink(2); DeleteFileW
 */
#include "fsc.h"

static int user(const char *arg)
{
    fsc_fd fd;
    size_t n;
    fsc_stat st;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_CRT, &fd));
    fsc_send(NULL, "open");
    fsc_expect(NULL, "unlinked");
    fsc_obs_read("helper_reads", fd);
    fsc_obs_op("helper_write", fsc_op_write(fd, "more", 4, &n));
    int err = fsc_op_fstat(fd, &st);
    fsc_obs_op("helper_fstat", err);
    if (!err) {
        fsc_obs_int("helper_nlink", st.nlink);
        fsc_obs_int("helper_size", st.size);
    }
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_stat st;
    fsc_put("f", "data");
    fsc_helper *h = fsc_spawn("user", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "open");
    fsc_obs_op("unlink", fsc_op_unlink("f"));
    fsc_obs_op("stat_name", fsc_op_stat("f", &st));
    fsc_send(h, "unlinked");
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"user", user})
