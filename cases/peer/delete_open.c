/*
 * peer.delete_open — a file deleted through one mount while a process on a second mount holds it open: can that process still read it, and when is the name gone there?
 *
 * Steps: create "f" holding "keep" through mount A. A helper in the peer
 * sandbox (mount B) waits for "f" to show there (fsc_spawn_peer: else
 * b_found=never and the probe stops), opens it for reading and keeps it
 * open. The probe
 * unlinks "f" through A; then the helper reads from its open descriptor
 * ("b_read": keep, empty, or the error's name — ESTALE where the server
 * forgot the file) and stats "f" until it is missing ("name_gone":
 * seen within 2 s, FSC_PEER_VISIBLE_MS, polled about every 10 ms — or
 * never).
 *
 * Why: on one POSIX system an open file lives until its last close, so
 * a reader is never hurt by a delete. Across clients the server decides:
 * NFS's "silly rename" protects only the deleting client's own opens, and
 * another client's reader gets ESTALE — the classic failure of a log
 * reader or a running program on another machine when a file is replaced.
 *
 * References: POSIX.1-2024 unlink() ("If one or more processes have the
 * file open when the last link is removed ... the removal of the file
 * contents shall be postponed until all references to the file are
 * closed"); nfs(5) / Linux NFS FAQ A.9 ("silly rename"); ESTALE in
 * errno(3).
 * Needs: peer
 */
#include "fsc.h"

static int missing(void *ctx)
{
    fsc_stat st;
    (void)ctx;
    return fsc_op_stat("f", &st) != 0;
}

static int other(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    if (!fsc_peer_found(fsc_peer_exists, "f")) return 0;
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd));
    fsc_send(NULL, "open");
    fsc_expect(NULL, "deleted");
    fsc_obs_read("b_read", fd);
    fsc_op_close(fd);
    fsc_obs("name_gone", "%s", fsc_visible_within(missing, NULL));
    return 0;
}

static void probe(void)
{
    fsc_peer_require();
    fsc_put("f", "keep");
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    fsc_expect(h, "open");
    fsc_obs_op("unlink", fsc_op_unlink("f"));
    fsc_send(h, "deleted");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
