/*
 * rename.atomic_replace_reader — what a reader sees while the file is replaced by rename again and again.
 *
 * Steps: create "name" holding a 64-byte record (one letter repeated); start
 * a helper that opens "name" again and again, each time reading it whole and
 * closing it, until it reads the final record ('Z's) or finds the file
 * "stop" (looked for every 100 opens; a million opens at most, a bound that
 * only a probe stuck elsewhere reaches). Once the helper says
 * it is reading, the probe replaces "name" again and again, each new record
 * written to "tmp" and renamed over "name", until the helper has seen the
 * content change 50 times between two of its reads (it then creates
 * "overlapped", which the probe looks for every 10 renames), or 50 renames
 * have failed, or after 2000; then it renames the final record over "name"
 * and creates "stop" (so the reader ends also where that rename failed).
 * Waiting for 50 changes seen makes the reader's opens overlap the renames
 * however the two are scheduled (with a fixed number of renames, a loaded
 * machine could finish them before the reader made an open in between).
 * The helper reports whether any open failed (misses: none or some) and the
 * first error, whether any read was not one complete record (torn: none or
 * some), and the first error of its closes (fuse2fs: close EIO now and
 * then, the reader carries on); the probe reports the first rename error.
 * Classes, not counts: how many opens fall into a gap depends on scheduling.
 *
 * Why: "write a temporary, rename it over the original" is the standard
 * atomic save (editors, package managers, config reloaders, Maildir). It is
 * only atomic if the name stays visible throughout the rename and always
 * refers to a complete file. Where the platform implements replacement as
 * delete-then-move (or refuses while a reader has the file open), readers
 * get spurious "file not found" or sharing errors. The reader opens with
 * full sharing (FILE_SHARE_DELETE too) so that the sharing rules, probed by
 * rename.over_open_other, do not decide the outcome.
 *
 * References: POSIX.1-2024 rename() ("a link named new shall remain visible
 * to other threads throughout the renaming operation"); rename(2);
 * MoveFileExW; https://github.com/golang/go/issues/8914
 */
#include "fsc.h"

#include <string.h>

enum { REC = 64, MAX_OPENS = 1000000, OVERLAP = 50, MAX_RENAMES = 2000, MAX_FAILED = 50 };

/* A record of one letter: 'a' + i % 26 for version i, 'Z' for the final one. */
static void record(char *buf, char letter)
{
    memset(buf, letter, REC);
    buf[REC] = 0;
}

static int reader(const char *arg)
{
    char buf[2 * REC], seen = 'a';
    long misses = 0, torn = 0, changes = 0;
    const char *first_error = "none", *first_close_error = "none";
    (void)arg;
    for (int i = 0, last = 0; i < MAX_OPENS && !last; i++) {
        if (i == 1) fsc_send(NULL, "reading");
        fsc_fd fd;
        fsc_stat st;   /* "stop" only every 100 opens: the loop's pace decides what it sees */
        size_t n, total = 0;
        last = i % 100 == 99 && !fsc_op_stat("stop", &st);
        int err = fsc_op_open("name", FSC_READ | FSC_SHARE_ALL, &fd);
        if (err) {
            if (!misses++) first_error = fsc_op_errname(err);
            continue;
        }
        while (total < sizeof buf && !fsc_op_read(fd, buf + total, sizeof buf - total, &n) && n)
            total += n;
        err = fsc_op_close(fd);
        if (err && !strcmp(first_close_error, "none")) first_close_error = fsc_op_errname(err);
        int whole = total == REC;
        for (size_t k = 1; whole && k < REC; k++) whole = buf[k] == buf[0];
        if (!whole) torn++;
        if (whole && buf[0] != seen && ++changes == OVERLAP) fsc_put("overlapped", "x");
        if (whole) seen = buf[0];
        last = last || (whole && buf[0] == 'Z');
    }
    fsc_obs_some("helper_misses", misses);
    fsc_obs("helper_first_open_error", "%s", first_error);
    fsc_obs_some("helper_torn", torn);
    fsc_obs("helper_first_close_error", "%s", first_close_error);
    fsc_send(NULL, "done");
    return 0;
}

/* Put `letter`'s record in "tmp" and rename it over "name"; 1 if that failed. */
static int replace(char letter, const char **first_error)
{
    char rec[REC + 1];
    record(rec, letter);
    fsc_put("tmp", rec);
    int err = fsc_op_rename("tmp", "name");
    if (err && !strcmp(*first_error, "ok")) *first_error = fsc_op_errname(err);
    return err != 0;
}

static void probe(void)
{
    char rec[REC + 1];
    const char *first_error = "ok";
    fsc_stat st;
    record(rec, 'a');
    fsc_put("name", rec);
    fsc_helper *h = fsc_spawn("reader", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "reading");
    for (int i = 1, failed = 0, done = 0; !done; i++) {
        failed += replace((char)('a' + i % 26), &first_error);
        done = i == MAX_RENAMES || failed == MAX_FAILED ||
               (i % 10 == 0 && !fsc_op_stat("overlapped", &st));
    }
    replace('Z', &first_error);
    fsc_put("stop", "x");   /* ends the reader also when the final rename failed */
    fsc_expect(h, "done");
    fsc_obs("rename", "%s", first_error);
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"reader", reader})
