/*
 * peer.rename_seen — a file renamed through one mount: how soon does a second mount see the old name gone and the new one there?
 *
 * Steps: create "f" through mount A. A helper in the peer sandbox (mount
 * B) stats "f" until it is there (fsc_spawn_peer: if never, b_found=never
 * and the probe stops) and "g" (so that B caches f present and g
 * missing). The
 * probe renames "f" to "g" through A; then the helper stats until "f" is
 * missing ("old_gone") and until "g" is there ("new_present"): each
 * seen within 2 s (FSC_PEER_VISIBLE_MS, polled about every 10 ms; one
 * window each, the second after telling the probe) or never.
 *
 * Why: the "write to a temporary name, rename into place" pattern and
 * job queues that move files between directories are watched from other
 * machines; a client whose name cache keeps old entries (or a negative
 * entry for the new name) does not see the hand-over.
 *
 * References: POSIX.1-2024 rename(); nfs(5) "Directory entry caching"
 * (lookupcache); sshfs(1) cache_timeout; rclone mount --dir-cache-time
 * (5 minutes by default).
 * Needs: peer
 */
#include "fsc.h"

static int missing(void *ctx)
{
    fsc_stat st;
    return fsc_op_stat((const char *)ctx, &st) != 0;
}

static int present(void *ctx)
{
    fsc_stat st;
    return fsc_op_stat((const char *)ctx, &st) == 0;
}

static int other(const char *arg)
{
    fsc_stat st;
    (void)arg;
    if (!fsc_peer_found(fsc_peer_exists, "f")) return 0;
    FSC_CHECK(fsc_op_stat("g", &st) != 0);
    fsc_send(NULL, "cached");
    fsc_expect(NULL, "renamed");
    fsc_obs("old_gone", "%s", fsc_visible_within(missing, "f"));
    fsc_send(NULL, "looked");   /* each window within a probe wait */
    fsc_obs("new_present", "%s", fsc_visible_within(present, "g"));
    return 0;
}

static void probe(void)
{
    fsc_peer_require();
    fsc_put("f", "x");
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    fsc_expect(h, "cached");
    FSC_OK(fsc_op_rename("f", "g"));
    fsc_send(h, "renamed");
    fsc_expect(h, "looked");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
