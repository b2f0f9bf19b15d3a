/*
 * peer.mkdir_same — the same directory made through two mounts of one share: how many mkdirs succeed?
 *
 * Steps: a helper in the peer sandbox (mount B) stats "d" (missing: B may
 * now cache that). The probe makes "d" through mount A; then the helper
 * makes "d" through B ("b_mkdir": EEXIST, or ok when B did not see A's
 * directory). "winners" is one or two.
 *
 * Why: mkdir is the lock primitive that works where O_EXCL once did not
 * (NFSv2): shell scripts, CI runners and lockdir-based tools on shared
 * directories take "mkdir succeeded" to mean "I am the only one".
 *
 * References: POSIX.1-2024 mkdir() ([EEXIST] "The named file exists");
 * the mkdir lock idiom in the Bash FAQ 45 (http://mywiki.wooledge.org/BashFAQ/045).
 * Needs: peer
 */
#include "fsc.h"

static int other(const char *arg)
{
    fsc_stat st;
    (void)arg;
    FSC_CHECK(fsc_op_stat("d", &st) != 0);
    fsc_send(NULL, "looked");
    fsc_expect(NULL, "made");
    int e = fsc_op_mkdir("d");
    fsc_obs_op("b_mkdir", e);
    fsc_send(NULL, "%s", e ? "one" : "two");
    return 0;
}

static void probe(void)
{
    fsc_peer_require();
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC | FSC_SPAWN_PEER);
    fsc_expect(h, "looked");
    FSC_OK(fsc_op_mkdir("d"));
    fsc_send(h, "made");
    fsc_obs("winners", "%s", fsc_recv(h));
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
