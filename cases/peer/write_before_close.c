/*
 * peer.write_before_close — data written through one mount and not yet closed: does a second mount see it?
 *
 * Steps: create "f" empty through mount A and close it. A helper in the
 * peer sandbox (mount B) waits for it to show there (fsc_spawn_peer: else
 * b_found=never and the probe stops: a client that shows no new file
 * until some time after its close). The probe opens "f" again for writing
 * and writes "data" (no close, no sync); the helper then opens and reads
 * "f" until it reads "data": "visible" is
 * seen within 2 s (FSC_PEER_VISIBLE_MS, polled about every 10 ms) or
 * never. Then the probe closes "f" and the helper reads it
 * once more: "after_close" is data, empty or other.
 *
 * Why: a log written on one machine and followed on another (tail -f on a
 * shared directory), or a job that reports progress in a file, shows
 * nothing on the other client until the writer closes — or until the
 * client's write-back runs. On a local filesystem a write is visible to
 * every reader at once.
 *
 * References: POSIX.1-2024 write() ("any successful read() from each byte
 * position in the file that was modified by that write shall return the
 * data specified by the write()" — for one system); nfs(5) "Data and
 * metadata coherence" (data is flushed at close; before that other
 * clients may see nothing); davfs2.conf(5) delay_upload.
 * Needs: peer
 */
#include "fsc.h"

#include <string.h>

static int reads_data(void *ctx)
{
    const char *got = fsc_get("f");
    (void)ctx;
    return got && !strcmp(got, "data");
}

static int other(const char *arg)
{
    (void)arg;
    if (!fsc_peer_found(fsc_peer_exists, "f")) return 0;
    fsc_expect(NULL, "written");
    fsc_obs("visible", "%s", fsc_visible_within(reads_data, NULL));
    fsc_send(NULL, "looked");
    fsc_expect(NULL, "closed");
    fsc_visible_within(reads_data, NULL);   /* a cache may show the close late */
    const char *got = fsc_get("f");
    fsc_obs("after_close", "%s", !got ? "unreadable" : !strcmp(got, "data") ? "data"
                                 : !*got ? "empty" : "other");
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    fsc_peer_require();
    fsc_put("f", "");
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_write(fd, "data", 4, &n));
    FSC_CHECK(n == 4);
    fsc_send(h, "written");
    fsc_expect(h, "looked");
    FSC_OK(fsc_op_close(fd));
    fsc_send(h, "closed");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
