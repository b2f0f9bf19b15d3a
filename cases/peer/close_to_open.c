/*
 * peer.close_to_open — a file rewritten and closed through one mount: what does a fresh open through a second mount read?
 *
 * Steps: create "f" holding "old" through mount A. A helper in the peer
 * sandbox (mount B) reads "f" until it reads "old" (so that B's caches
 * hold it; fsc_spawn_peer: if it never does, b_found=never and the probe
 * stops). The probe
 * rewrites "f" through A in place (open, truncate, write "new-content",
 * close) and tells the helper, which opens "f" again and reads it:
 * "reopen" is new (all of "new-content"), old, short (a prefix of
 * "new-content": B kept the old size), or other. Then it reopens until it
 * reads "new-content" ("visible": seen within 2 s, FSC_PEER_VISIBLE_MS,
 * polled about every 10 ms — or never).
 *
 * Why: close-to-open consistency is what NFS promises and what build
 * farms and "write on one machine, read on the other" workflows rely on: a
 * client that opens a file after another client closed it sees the
 * closed data. A cache that serves the old data, or the new data cut to
 * the old size, breaks them silently.
 *
 * References: nfs(5) "Data and metadata coherence" ("close-to-open cache
 * consistency"); sshfs(1) cache options (cache_timeout, default 20 s);
 * rclone mount "VFS Directory Cache" (--dir-cache-time).
 * Needs: peer
 */
#include "fsc.h"

#include <string.h>

static const char NEW[] = "new-content";

static int reads_new(void *ctx)
{
    const char *got = fsc_get("f");
    (void)ctx;
    return got && !strcmp(got, NEW);
}

static int reads_old(void *ctx)
{
    const char *got = fsc_get("f");
    (void)ctx;
    return got && !strcmp(got, "old");
}

static int other(const char *arg)
{
    (void)arg;
    if (!fsc_peer_found(reads_old, NULL)) return 0;
    fsc_expect(NULL, "written");
    const char *got = fsc_get("f");
    fsc_obs("reopen", "%s", !got ? "unreadable" : !strcmp(got, NEW) ? "new"
                            : !strcmp(got, "old") ? "old"
                            : *got && !strncmp(NEW, got, strlen(got)) ? "short" : "other");
    fsc_obs("visible", "%s", fsc_visible_within(reads_new, NULL));
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    fsc_peer_require();
    fsc_put("f", "old");
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_TRUNC | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_write(fd, NEW, sizeof NEW - 1, &n));
    FSC_CHECK(n == sizeof NEW - 1);
    FSC_OK(fsc_op_close(fd));
    fsc_send(h, "written");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
