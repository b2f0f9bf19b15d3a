/*
 * peer.excl_create — the same name created with O_EXCL through two mounts of one share: how many creators win?
 *
 * Steps: a helper in the peer sandbox (mount B) stats "lock" (missing: B
 * may now cache that). The probe creates "lock" through mount A with
 * create-exclusive; then the helper creates "lock" with create-exclusive
 * through B ("b_create": EEXIST, EACCES where A's client still holds a
 * server lock on the file it made, or ok when B did not see A's file).
 * "winners" is one or two. Then the probe waits (at most 2 s) until it can
 * open "lock" for writing through A: a client may keep its server lock a
 * little after the close, and the sandbox could not be removed.
 *
 * Why: lock files made with O_EXCL (mail spools, Emacs and vim lock
 * files, pid files, "only one node runs the migration") are the oldest
 * mutual exclusion between machines. If both clients' creations succeed,
 * two of them proceed.
 *
 * References: POSIX.1-2024 open() (O_CREAT|O_EXCL: "The check for the
 * existence of the file and the creation of the file if it does not exist
 * shall be atomic with respect to other threads executing open() naming
 * the same filename"); open(2) NOTES on O_EXCL over NFS (needs NFSv3 and
 * Linux 2.6); the lockfile pattern in procmail's lockfile(1).
 * Needs: peer
 */
#include "fsc.h"

static int writable(void *ctx)
{
    fsc_fd fd;
    (void)ctx;
    if (fsc_op_open("lock", FSC_WRITE | FSC_SHARE_ALL, &fd)) return 0;
    fsc_op_close(fd);
    return 1;
}

static int other(const char *arg)
{
    fsc_stat st;
    fsc_fd fd;
    (void)arg;
    FSC_CHECK(fsc_op_stat("lock", &st) != 0);
    fsc_send(NULL, "looked");
    fsc_expect(NULL, "created");
    int e = fsc_op_open("lock", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_ALL, &fd);
    fsc_obs_op("b_create", e);
    if (!e) fsc_op_close(fd);
    fsc_send(NULL, "%s", e ? "one" : "two");
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_peer_require();
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC | FSC_SPAWN_PEER);
    fsc_expect(h, "looked");
    FSC_OK(fsc_op_open("lock", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_close(fd));
    fsc_send(h, "created");
    fsc_obs("winners", "%s", fsc_recv(h));
    FSC_CHECK(fsc_wait(h) == 0);
    /* Clean-up, not measured: B's client may keep its server lock on "lock"
     * a little after the close (davfs2: the WebDAV lock until the upload
     * ends), and the sandbox's removal through A would be refused (EACCES). */
    fsc_visible_within(writable, NULL);
}

FSC_PROBE_HELPERS(probe, {"other", other})
