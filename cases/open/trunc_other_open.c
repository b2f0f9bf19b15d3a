/*
 * open.trunc_other_open — open with truncation a file another process has open: what that process sees.
 *
 * Steps: create "f" holding "hello"; a helper opens "f" for reading (full
 * sharing) and says so; the probe opens "f" for writing with truncation
 * (full sharing) and reports the result; the helper then reports the size
 * its handle sees (fstat) and what it reads from offset 0.
 *
 * Why: a program that rewrites a file in place ("open with O_TRUNC, write
 * the new text") while another reads it — a log viewer, a configuration
 * reloader, a compiler reading a header an editor saves — makes the reader
 * see an empty or half-written file; that is why editors and package
 * managers write a temporary file and rename it. On POSIX the reader's
 * descriptor sees the same inode shrink to 0; Windows lets it happen only
 * if the reader shared write access.
 *
 * References: POSIX.1-2024 open() (O_TRUNC: "its length shall be truncated
 * to 0"); CreateFileW (TRUNCATE_EXISTING; share modes)
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew
 */
#include "fsc.h"

static int reader(const char *arg)
{
    fsc_fd fd;
    fsc_stat st;
    (void)arg;
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd));
    fsc_send(NULL, "opened");
    fsc_expect(NULL, "look");
    FSC_OK(fsc_op_fstat(fd, &st));
    fsc_obs_int("helper_size", st.size);
    fsc_obs_read("helper_reads", fd);
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_put("f", "hello");
    fsc_helper *h = fsc_spawn("reader", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "opened");
    int err = fsc_op_open("f", FSC_WRITE | FSC_TRUNC | FSC_SHARE_ALL, &fd);
    fsc_obs_op("open_trunc", err);
    fsc_send(h, "look");
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    if (!err) FSC_OK(fsc_op_close(fd));
}

FSC_PROBE_HELPERS(probe, {"reader", reader})
