/*
 * peer.truncate_size — a file truncated through one mount: how soon does a second mount see the new size, and what does it read?
 *
 * Steps: create "f" holding 100 bytes of 'a' through mount A. A helper in
 * the peer sandbox (mount B) stats it and reads it until both show the 100
 * bytes (so that B's caches hold them; fsc_spawn_peer: if never,
 * b_found=never and the probe stops). The probe truncates "f" to 0 through an open descriptor on
 * A and closes it; then the helper stats "f" until its size is 0 ("size":
 * seen within 2 s, FSC_PEER_VISIBLE_MS, polled about every 10 ms — or
 * never) and reads it once: "read" is empty, old (the 100
 * bytes) or other.
 *
 * Why: log rotation by truncation (logrotate copytruncate) and files
 * rewritten in place shrink; a second client that still believes the old
 * size serves the old bytes — or zeros — to a reader that then parses
 * them as fresh content.
 *
 * References: POSIX.1-2024 ftruncate(); nfs(5) "Data and metadata
 * coherence"; sshfs(1) cache_timeout.
 * Needs: peer
 */
#include "fsc.h"

#include <string.h>

static char old[101];

static int size_is_0(void *ctx)
{
    fsc_stat st;
    (void)ctx;
    return fsc_op_stat("f", &st) == 0 && st.size == 0;
}

static int holds_old(void *ctx)
{
    fsc_stat st;
    (void)ctx;
    const char *got = fsc_op_stat("f", &st) == 0 && st.size == 100 ? fsc_get("f") : NULL;
    return got && !strcmp(got, old);
}

static int other(const char *arg)
{
    (void)arg;
    memset(old, 'a', 100);
    if (!fsc_peer_found(holds_old, NULL)) return 0;
    fsc_expect(NULL, "truncated");
    fsc_obs("size", "%s", fsc_visible_within(size_is_0, NULL));
    const char *got = fsc_get("f");
    fsc_obs("read", "%s", !got ? "unreadable" : !*got ? "empty" : !strcmp(got, old) ? "old"
                          : "other");
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_peer_require();
    memset(old, 'a', 100);
    fsc_put("f", old);
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_truncate(fd, 0));
    FSC_OK(fsc_op_close(fd));
    fsc_send(h, "truncated");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
