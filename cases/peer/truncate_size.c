/*
 * peer.truncate_size — a file truncated through one mount: how soon does a second mount see the new size, and what does it read?
 *
 * Steps: create "f" holding 100 bytes of 'a' through mount A. A helper in
 * the peer sandbox (mount B) stats it and reads it (so that B's caches
 * hold both). The probe truncates "f" to 0 through an open descriptor on
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

static int other(const char *arg)
{
    fsc_stat st;
    (void)arg;
    memset(old, 'a', 100);
    fsc_peer_wait("f");
    FSC_OK(fsc_op_stat("f", &st));
    FSC_CHECK(st.size == 100 && fsc_get("f") && !strcmp(fsc_get("f"), old));
    fsc_send(NULL, "cached");
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
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC | FSC_SPAWN_PEER);
    fsc_expect(h, "cached");
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_truncate(fd, 0));
    FSC_OK(fsc_op_close(fd));
    fsc_send(h, "truncated");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
