/*
 * rename.open_source_other — rename a file another process has open and is reading.
 *
 * Steps: create "src" holding "firstsecond"; start a helper that opens "src"
 * for reading with the C runtime's default sharing, reads the first 5 bytes
 * ("first") and says "open"; rename "src" to "moved"; the helper then reads
 * the rest through its handle and looks the old name up with stat; the probe
 * reads the new name "moved".
 *
 * Why: log rotation (logrotate, rotating file handlers), moving a download
 * out of a staging directory and "rename to .bak" all rename files that
 * other programs are reading. On POSIX the reader carries on undisturbed and
 * the file is found under its new name; on Windows the rename fails with a
 * sharing violation unless every reader opened with FILE_SHARE_DELETE, so the
 * rotation or move fails as long as anything has the file open.
 *
 * References: POSIX.1-2024 rename(); MoveFileExW; CreateFileW dwShareMode
 * (FILE_SHARE_DELETE); https://github.com/basicmachines-co/basic-memory/issues/653
 * (log rotation fails on Windows while another process has the log open)
 */
#include "fsc.h"

#include <string.h>

static int reader(const char *arg)
{
    fsc_fd fd;
    char buf[16] = {0};
    size_t n;
    fsc_stat st;
    (void)arg;
    FSC_OK(fsc_op_open("src", FSC_READ | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_read(fd, buf, 5, &n));
    FSC_CHECK(n == 5 && !memcmp(buf, "first", 5));
    fsc_send(NULL, "open");
    fsc_expect(NULL, "renamed");
    fsc_obs_read("helper_reads_rest", fd);
    fsc_obs_op("helper_stat_old_name", fsc_op_stat("src", &st));
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_put("src", "firstsecond");
    fsc_helper *h = fsc_spawn("reader", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "open");
    fsc_obs_op("rename", fsc_op_rename("src", "moved"));
    fsc_send(h, "renamed");
    fsc_expect(h, "done");
    fsc_obs_file("new_name_reads", "moved");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"reader", reader})
