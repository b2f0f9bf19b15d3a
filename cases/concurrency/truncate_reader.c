/*
 * concurrency.truncate_reader — a reader racing a writer that truncates a file to zero and writes it again: short or empty reads are allowed, bytes never written are not.
 *
 * Steps: create "f" of 64 KiB of 'a'. A helper opens it and, told "go",
 * repeats until the file "stop" exists: truncate to 0, write 64 KiB of 'a'
 * at offset 0 with one write (after its first failure it only waits, and
 * reports that failure at the end: writer, "ok" or the error). The probe
 * reads from offset 0, 64 KiB at a time, 400 times, and checks every byte
 * it got; then creates "stop" and waits for the helper. Reports writer,
 * and garbage: "none" when every byte read was
 * 'a' (whatever the lengths), "some" when a read returned any other byte —
 * zeros from a size that ran ahead of the data, or stale blocks.
 *
 * Why: log readers and "tail -F" race logrotate's copytruncate, and
 * readers of files rewritten by truncate-then-write (editors saving in
 * place, configuration writers) race the writer. A read may legitimately
 * be short or empty; it must never return bytes nobody wrote. File systems
 * that publish the new size before the data (some network and FUSE file
 * systems, or ext4 with delayed allocation bugs in the past) hand readers
 * zeros, which parsers take for real content.
 *
 * References: POSIX.1-2024 ftruncate(), read() ("If a read() of file data
 * can be proven (by any means) to occur after a write() of the data, it
 * must reflect that write()"), XSH 2.9.7 "Thread Interactions with Regular
 * File Operations"; logrotate(8) copytruncate.
 */
#include "fsc.h"

#include <string.h>

enum { SIZE = 64 * 1024, READS = 400 };

static char buf[SIZE];

static int writer(const char *arg)
{
    (void)arg;
    fsc_fd fd;
    fsc_stat st;
    size_t n;
    int err = 0;
    memset(buf, 'a', SIZE);
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_ALL, &fd));
    fsc_send(NULL, "ready");
    fsc_expect(NULL, "go");
    while (fsc_op_stat("stop", &st)) {
        if (!err) err = fsc_op_truncate(fd, 0);
        if (!err) err = fsc_op_seek(fd, 0, FSC_SEEK_SET, NULL);
        if (!err) err = fsc_op_write(fd, buf, SIZE, &n);
    }
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "%s", err ? fsc_op_errname(err) : "ok");   /* its first failure */
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    int garbage = 0;
    memset(buf, 'a', SIZE);
    buf[SIZE - 1] = 0;
    fsc_put("f", buf);
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd));
    fsc_helper *h = fsc_spawn("writer", "", FSC_SPAWN_EXEC);
    fsc_expect(h, "ready");
    fsc_send(h, "go");
    for (int r = 0; r < READS; r++) {
        FSC_OK(fsc_op_seek(fd, 0, FSC_SEEK_SET, NULL));
        FSC_OK(fsc_op_read(fd, buf, SIZE, &n));
        for (size_t i = 0; i < n && !garbage; i++) garbage = buf[i] != 'a';
    }
    fsc_put("stop", "");
    fsc_obs("writer", "%s", fsc_recv(h));
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_OK(fsc_op_close(fd));
    fsc_obs_some("garbage", garbage);
}

FSC_PROBE_HELPERS(probe, {"writer", writer})
