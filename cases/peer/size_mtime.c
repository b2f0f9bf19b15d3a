/*
 * peer.size_mtime — a file appended to through one mount: does a second mount's stat show the new size and modification time?
 *
 * Steps: create "f" holding "x" through mount A and set its modification
 * time to 2001-09-09T01:46:40Z (far from now, so that any later time is
 * another, even at a resolution of seconds). A helper in the peer sandbox
 * (mount B) stats "f" until it shows size 1 (so that B's attribute cache
 * holds it; fsc_spawn_peer: if never, b_found=never and the probe stops)
 * and keeps the modification time it sees then: the 2001 one where A's
 * time reached B, else the server's own (a client that does not pass a set
 * time on). The probe appends "more" through A and closes; then the helper
 * stats "f" until its size is 5 ("size") and until its modification time
 * is no longer the one it kept ("mtime"): each seen within 2 s
 * (FSC_PEER_VISIBLE_MS, polled about every 10 ms; one window each, the
 * second after telling the probe) or never.
 *
 * Why: make, rsync and build caches on a shared directory decide by size
 * and mtime whether a file changed. A second client whose attribute cache
 * keeps the old values rebuilds nothing, or copies a short file.
 *
 * References: nfs(5) "Data and metadata coherence" (attribute caching,
 * acregmin/acregmax: 3-60 s by default); sshfs(1) cache_timeout (20 s);
 * rclone mount --attr-timeout (1 s).
 * Needs: peer
 */
#include "fsc.h"

static const fsc_time OLD = {1000000000, 0};
static fsc_time before;   /* B's view of the modification time before the append */

/* B shows "f" as made (size 1): keep the time it shows then. */
static int made(void *ctx)
{
    fsc_stat st;
    (void)ctx;
    if (fsc_op_stat("f", &st) != 0 || st.size != 1) return 0;
    before = st.mtime;
    return 1;
}

static int size_is_5(void *ctx)
{
    fsc_stat st;
    (void)ctx;
    return fsc_op_stat("f", &st) == 0 && st.size == 5;
}

static int mtime_moved(void *ctx)
{
    fsc_stat st;
    (void)ctx;
    return fsc_op_stat("f", &st) == 0 &&
           (st.mtime.sec != before.sec || st.mtime.nsec != before.nsec);
}

static int other(const char *arg)
{
    (void)arg;
    if (!fsc_peer_found(made, NULL)) return 0;
    fsc_expect(NULL, "written");
    fsc_obs("size", "%s", fsc_visible_within(size_is_5, NULL));
    fsc_send(NULL, "looked");   /* each window within a probe wait */
    fsc_obs("mtime", "%s", fsc_visible_within(mtime_moved, NULL));
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    fsc_peer_require();
    fsc_put("f", "x");
    FSC_OK(fsc_op_set_times("f", &OLD, &OLD));
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_APPEND | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_write(fd, "more", 4, &n));
    FSC_CHECK(n == 4);
    FSC_OK(fsc_op_close(fd));
    fsc_send(h, "written");
    fsc_expect(h, "looked");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
