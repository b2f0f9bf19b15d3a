/*
 * concurrency.append_many — four processes append 200 records each to one file in append mode at the same time: every record whole, none lost.
 *
 * Steps: create empty "log"; start four helpers; each opens "log" for
 * appending and says "ready"; told "go" (all four at once), each writes 200
 * records of 48 bytes with one write per record (its tag, a sequence
 * number, '.' padding, a newline), closes and answers "ok" or the first
 * error. The probe reads "log" back in 48-byte slots and reports: writers
 * refused (none, some or all answered an error), the size (full: 4 x 200 x
 * 48 bytes; short or long), and as classes (none or some) records lost (a
 * writer's sequence number never seen), records torn (a slot that is not
 * one whole record, or a duplicate) and records out of order within one
 * writer. On a correct platform they are none, full, none, none, none
 * however the writers interleave. Classes, not counts: where appends are
 * not atomic, how many records a run loses (and on fusefat, how many
 * writers are refused) depends on scheduling.
 *
 * Why: log files shared by many processes (web server workers, syslog-like
 * appenders, shells running ">>" in parallel make jobs) rely on append
 * being "seek to end and write" in one step. open.append_two_writers shows
 * the two-writer case; with four the window for a seek-then-write
 * emulation (network file systems, FUSE file systems without atomic
 * append, library backends) to lose or tear records is much wider.
 *
 * References: POSIX.1-2024 open() (O_APPEND), write() ("the file offset
 * shall be set to the end of the file prior to each write and no
 * intervening file modification operation shall occur between changing the
 * file offset and the write operation"); CreateFileW FILE_APPEND_DATA.
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

enum { WRITERS = 4, RECORDS = 200, SIZE = 48, FULL = WRITERS * RECORDS * SIZE };

static void record(char *rec, int w, int seq)
{
    char head[16];
    memset(rec, '.', SIZE);
    snprintf(head, sizeof head, "w%d:%03d", w, seq);
    memcpy(rec, head, strlen(head));
    rec[SIZE - 1] = '\n';
}

static int writer(const char *arg)
{
    char rec[SIZE];
    size_t done;
    fsc_fd fd;
    int w = arg[0] - '0', err = 0;
    FSC_OK(fsc_op_open("log", FSC_WRITE | FSC_APPEND | FSC_SHARE_CRT, &fd));
    fsc_send(NULL, "ready");
    fsc_expect(NULL, "go");
    for (int i = 0; i < RECORDS && !err; i++) {
        record(rec, w, i);
        err = fsc_op_write(fd, rec, SIZE, &done);
        FSC_CHECK(err || done == SIZE);
    }
    FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "%s", err ? fsc_op_errname(err) : "ok");
    return 0;
}

static void probe(void)
{
    static char buf[FULL + SIZE];
    static int seen[WRITERS][RECORDS];
    char rec[SIZE], arg[2] = "0";
    int last[WRITERS], refused = 0;
    long long lost = 0, torn = 0, disorder = 0;
    size_t total = 0, n;
    fsc_helper *h[WRITERS];
    fsc_fd fd;
    fsc_put("log", "");
    for (int w = 0; w < WRITERS; w++) {
        arg[0] = (char)('0' + w);
        h[w] = fsc_spawn("writer", arg, FSC_SPAWN_EXEC);
        last[w] = -1;
    }
    for (int w = 0; w < WRITERS; w++) fsc_expect(h[w], "ready");
    for (int w = 0; w < WRITERS; w++) fsc_send(h[w], "go");
    for (int w = 0; w < WRITERS; w++) {
        refused += strcmp(fsc_recv(h[w]), "ok") != 0;
        FSC_CHECK(fsc_wait(h[w]) == 0);
    }
    FSC_OK(fsc_op_open("log", FSC_READ | FSC_SHARE_ALL, &fd));
    do {
        FSC_OK(fsc_op_read(fd, buf + total, sizeof buf - total, &n));
        total += n;
    } while (n && total < sizeof buf);
    FSC_OK(fsc_op_close(fd));
    for (size_t off = 0; off + SIZE <= total; off += SIZE) {
        int w = buf[off + 1] - '0', seq = -1;
        if (buf[off] == 'w' && w >= 0 && w < WRITERS && sscanf(buf + off + 3, "%3d", &seq) == 1 &&
            seq >= 0 && seq < RECORDS) {
            record(rec, w, seq);
            if (!memcmp(rec, buf + off, SIZE) && !seen[w][seq]++) {
                disorder += seq < last[w];
                last[w] = seq;
                continue;
            }
        }
        torn++;
    }
    torn += total % SIZE != 0;
    for (int w = 0; w < WRITERS; w++)
        for (int i = 0; i < RECORDS; i++) lost += !seen[w][i];
    fsc_obs("writers_refused", "%s", !refused ? "none" : refused < WRITERS ? "some" : "all");
    fsc_obs("size", "%s", total == FULL ? "full" : total < FULL ? "short" : "long");
    fsc_obs_some("lost", lost);
    fsc_obs_some("torn", torn);
    fsc_obs_some("out_of_order", disorder);
}

FSC_PROBE_HELPERS(probe, {"writer", writer})
