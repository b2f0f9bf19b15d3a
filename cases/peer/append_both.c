/*
 * peer.append_both — O_APPEND writes from two mounts of one share at once: are records lost or mixed?
 *
 * Steps: create "log" empty through mount A. The probe (through A) and a
 * helper in the peer sandbox (through mount B) each open "log" with
 * append and, at the same time, write 50 records of 16 bytes, one write
 * each ("A0000..." and "B0000...", ending in a newline), and close. Then
 * the probe reads "log" through A until it holds 1600 bytes or the
 * deadline passes (2 s, FSC_PEER_VISIBLE_MS, polled about every 10 ms) and
 * classifies it: "lost" none (all 100 records there) or some (records
 * overwritten: the two clients wrote at the same offsets), and "garbled"
 * none or some (bytes that are no whole record: writes torn or
 * interleaved within a record).
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

enum { RECORDS = 50, LEN = 16, TOTAL = 2 * RECORDS * LEN };

static void append(char who)
{
    fsc_fd fd;
    size_t n;
    char rec[LEN + 1];
    FSC_OK(fsc_op_open("log", FSC_WRITE | FSC_APPEND | FSC_SHARE_ALL, &fd));
    for (int i = 0; i < RECORDS; i++) {
        snprintf(rec, sizeof rec, "%c%04d__________\n", who, i);
        FSC_OK(fsc_op_write(fd, rec, LEN, &n));
        FSC_CHECK(n == LEN);
    }
    FSC_OK(fsc_op_close(fd));
}

static int other(const char *arg)
{
    (void)arg;
    fsc_peer_wait("log");
    fsc_expect(NULL, "go");
    append('B');
    fsc_send(NULL, "done");
    return 0;
}

static int complete(void *ctx)
{
    const char *got = fsc_get("log");
    (void)ctx;
    return got && strlen(got) >= TOTAL;
}

static void probe(void)
{
    fsc_peer_require();
    fsc_put("log", "");
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC | FSC_SPAWN_PEER);
    fsc_send(h, "go");
    append('A');
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    fsc_visible_within(complete, NULL);
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
    fsc_obs("lost", "%s", whole == 2 * RECORDS ? "none" : "some");
    fsc_obs("garbled", "%s", garbled ? "some" : "none");
}

FSC_PROBE_HELPERS(probe, {"other", other})
