/*
 * peer.append_both — O_APPEND writes from two mounts of one share at once: are records lost or mixed?
 *
 * Steps: create "log" empty through mount A. A helper in the peer sandbox
 * (mount B) waits for it to show there (fsc_spawn_peer: else b_found=never
 * and the probe stops). Then the probe (through A) and the helper (through
 * B) each open "log" with append and, at the same time, write 50 records
 * of 16 bytes, one write each ("A0000..." and "B0000...", ending in a
 * newline), and close. "opened" is both, or one when a client refused the
 * open (one that locks the file on the server while the other has it open
 * for writing: which of the two comes first is a race) — that one writes
 * nothing. Then the probe reads "log" through A until it holds the records
 * of the writers that opened or the deadline passes (2 s,
 * FSC_PEER_VISIBLE_MS, polled about every 10 ms) and classifies it: "lost"
 * none (all their records there) or some (records overwritten: the two
 * clients wrote at the same offsets, or missing), and "garbled" none or
 * some (bytes that are no whole record: writes torn or interleaved within
 * a record).
 *
 * Why: log files and mailboxes shared between machines are appended to
 * by several writers. On one system O_APPEND makes each write land at
 * the end; a network client that computes "the end" from its own cached
 * size writes over the other client's records.
 *
 * References: POSIX.1-2024 write() ("If the O_APPEND flag of the file
 * status flags is set, the file offset shall be set to the end of the file
 * prior to each write and no intervening file modification operation
 * shall occur between changing the file offset and the write operation");
 * open(2) NOTES ("O_APPEND may lead to corrupted files on NFS filesystems
 * if more than one process appends data to a file at once"); SFTP has no
 * atomic append (draft-ietf-secsh-filexfer-02 SSH_FXF_APPEND).
 * Needs: peer
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

enum { RECORDS = 50, LEN = 16 };

/* Appends the RECORDS records of `who`; 0, or the open's error (then
 * nothing is written). */
static int append(char who)
{
    fsc_fd fd;
    size_t n;
    char rec[LEN + 1];
    int e = fsc_op_open("log", FSC_WRITE | FSC_APPEND | FSC_SHARE_ALL, &fd);
    if (e) return e;
    for (int i = 0; i < RECORDS; i++) {
        snprintf(rec, sizeof rec, "%c%04d__________\n", who, i);
        FSC_OK(fsc_op_write(fd, rec, LEN, &n));
        FSC_CHECK(n == LEN);
    }
    FSC_OK(fsc_op_close(fd));
    return 0;
}

static int other(const char *arg)
{
    (void)arg;
    if (!fsc_peer_found(fsc_peer_exists, "log")) return 0;
    fsc_expect(NULL, "go");
    fsc_send(NULL, "%s", append('B') ? "refused" : "appended");
    return 0;
}

static int complete(void *want)
{
    const char *got = fsc_get("log");
    return got && strlen(got) >= *(size_t *)want;
}

static void probe(void)
{
    fsc_peer_require();
    fsc_put("log", "");
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    fsc_send(h, "go");
    int writers = !append('A');
    writers += !strcmp(fsc_recv(h), "appended");
    FSC_CHECK(fsc_wait(h) == 0);
    fsc_obs("opened", "%s", writers == 2 ? "both" : writers ? "one" : "none");
    size_t want = (size_t)writers * RECORDS * LEN;
    fsc_visible_within(complete, &want);
    const char *got = fsc_get("log");
    FSC_CHECK(got != NULL);
    size_t len = strlen(got);
    int whole = 0, garbled = len % LEN != 0;
    char seen[2][RECORDS] = {{0}};
    for (size_t off = 0; off + LEN <= len; off += LEN) {
        char who;
        int i;
        if (sscanf(got + off, "%c%4d", &who, &i) == 2 && (who == 'A' || who == 'B') &&
            i >= 0 && i < RECORDS && !memcmp(got + off + 5, "__________\n", LEN - 5)) {
            whole += !seen[who - 'A'][i];
            seen[who - 'A'][i] = 1;
        } else {
            garbled = 1;
        }
    }
    fsc_obs_some("lost", whole != writers * RECORDS);
    fsc_obs_some("garbled", garbled);
}

FSC_PROBE_HELPERS(probe, {"other", other})
