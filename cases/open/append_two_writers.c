/*
 * open.append_two_writers — two processes append fixed-size records to one file opened in append mode at the same time.
 *
 * Steps: create empty "log"; start two helpers, "a" and "b"; each opens "log"
 * for appending and says "ready"; the probe then says "go" to both and waits,
 * so both write at the same time. Each writes 1000 records of 32 bytes, one
 * write per record (its tag, a 4-digit sequence number, '.' padding,
 * newline) until one fails, closes and sends "ok" or the error. The probe
 * reports how many writers were refused and with what error, reads "log"
 * back in 32-byte slots and reports: the size (full: 2 x 1000 x 32 bytes;
 * short or long), and as classes (none or some) records lost (a writer's
 * sequence number never seen), records torn (a slot that is not one whole
 * record, or a duplicate), and records out of order within one writer. On a
 * correct platform they are full, none, none, none, however the two writers
 * interleave. Classes, not counts: where appends are not atomic, how many
 * records a run loses depends on scheduling.
 *
 * Why: every log writer, shell ">>" and syslog-style tool relies on append
 * mode moving to the end and writing as one step. Where append is emulated
 * by seek-then-write (some network file systems, user-space I/O libraries,
 * CRT emulations), concurrent writers overwrite each other and records are
 * lost or torn.
 *
 * References: POSIX.1-2024 open() (O_APPEND), write() ("the file offset
 * shall be set to the end of the file prior to each write and no
 * intervening file modification operation shall occur"); CreateFileW
 * FILE_APPEND_DATA; open(2) (O_APPEND on NFS).
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

enum { RECORDS = 1000, SIZE = 32, FULL = 2 * RECORDS * SIZE };

static int writer(const char *tag)
{
    char rec[SIZE], head[16];
    size_t done;
    fsc_fd fd;
    FSC_OK(fsc_op_open("log", FSC_WRITE | FSC_APPEND | FSC_SHARE_CRT, &fd));
    fsc_send(NULL, "ready");
    fsc_expect(NULL, "go");
    int err = 0;
    for (int i = 0; i < RECORDS && !err; i++) {
        memset(rec, '.', SIZE);
        snprintf(head, sizeof head, "%c%04d", tag[0], i);
        memcpy(rec, head, 5);
        rec[SIZE - 1] = '\n';
        err = fsc_op_write(fd, rec, SIZE, &done);
        FSC_CHECK(err || done == SIZE);
    }
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "%s", err ? fsc_op_errname(err) : "ok");   /* the first failed append */
    return 0;
}

static void probe(void)
{
    static unsigned char buf[FULL + SIZE];
    static int seen[2][RECORDS];
    int last[2] = {-1, -1};
    long long lost = 0, torn = 0, disorder = 0;
    size_t total = 0, n;
    fsc_fd fd;
    fsc_put("log", "");
    fsc_helper *h[2] = {fsc_spawn("writer", "a", FSC_SPAWN_EXEC),
                        fsc_spawn("writer", "b", FSC_SPAWN_EXEC)};
    fsc_expect(h[0], "ready");
    fsc_expect(h[1], "ready");
    fsc_send(h[0], "go");
    fsc_send(h[1], "go");
    int refused = 0;
    char refusal[64] = "none";
    for (int w = 0; w < 2; w++) {
        const char *result = fsc_recv(h[w]);
        if (strcmp(result, "ok")) {
            refused++;
            snprintf(refusal, sizeof refusal, "%s", result);
        }
        FSC_CHECK(fsc_wait(h[w]) == 0);
    }
    fsc_obs_int("writers_refused", refused);
    fsc_obs("refused_with", "%s", refusal);

    FSC_OK(fsc_op_open("log", FSC_READ | FSC_SHARE_ALL, &fd));
    do {
        FSC_OK(fsc_op_read(fd, buf + total, sizeof buf - total, &n));
        total += n;
    } while (n && total < sizeof buf);
    FSC_OK(fsc_op_close(fd));
    for (size_t off = 0; off + SIZE <= total; off += SIZE) {
        const unsigned char *r = buf + off;
        int w = r[0] == 'a' ? 0 : r[0] == 'b' ? 1 : -1, seq = 0, ok = w >= 0;
        for (int i = 1; ok && i < 5; i++) {
            ok = r[i] >= '0' && r[i] <= '9';
            seq = seq * 10 + (r[i] - '0');
        }
        for (int i = 5; ok && i < SIZE - 1; i++) ok = r[i] == '.';
        if (!ok || r[SIZE - 1] != '\n' || seq >= RECORDS || seen[w][seq]++) {
            torn++;
            continue;
        }
        disorder += seq < last[w];
        last[w] = seq;
    }
    torn += total % SIZE != 0;
    for (int w = 0; w < 2; w++)
        for (int i = 0; i < RECORDS; i++) lost += !seen[w][i];
    fsc_obs("size", "%s", total == FULL ? "full" : total < FULL ? "short" : "long");
    fsc_obs_some("lost", lost);
    fsc_obs_some("torn", torn);
    fsc_obs_some("out_of_order", disorder);
}

FSC_PROBE_HELPERS(probe, {"writer", writer})
