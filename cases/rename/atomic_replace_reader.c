/*
 * rename.atomic_replace_reader — what a reader sees while the file is replaced by rename again and again.
 *
 * Steps: create "name" holding a 64-byte record (one letter repeated); start
 * a helper that opens "name" again and again, each time reading it whole and
 * closing it, until it reads the final record ('Z's), finds the file
 * "stop" (looked for every 100 opens), or has made 10000 opens; once the helper says it is reading, the
 * probe writes 50 new records, each one to "tmp" and then renamed over
 * "name", the last one being the final record, and then creates "stop" (so
 * the reader ends also where the last rename failed). The helper counts opens that failed (misses) and
 * reads that were not one complete record (torn), and reports the first
 * error of its opens and of its closes (fuse2fs: close EIO now and then, the
 * reader carries on); the probe reports the first rename error, if any. Only those are reported: how many opens
 * overlap the renames depends on scheduling.
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

enum { REC = 64, MAX_OPENS = 10000, RENAMES = 50 };

/* Version i of the file; the last one (i == RENAMES) is all 'Z'. */
static void record(char *buf, int i)
{
    memset(buf, i == RENAMES ? 'Z' : 'a' + i % 26, REC);
    buf[REC] = 0;
}

static int reader(const char *arg)
{
    char buf[2 * REC];
    long misses = 0, torn = 0;
    const char *first_error = "none", *first_close_error = "none";
    (void)arg;
    for (int i = 0, last = 0; i < MAX_OPENS && !last; i++) {
        if (i == 1) fsc_send(NULL, "reading");
        fsc_fd fd;
        size_t n, total = 0;
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
        fsc_stat st;   /* "stop" only every 100 opens: the loop's pace decides what it sees */
        last = (whole && buf[0] == 'Z') || (i % 100 == 99 && !fsc_op_stat("stop", &st));
    }
    fsc_obs_int("helper_misses", misses);
    fsc_obs("helper_first_open_error", "%s", first_error);
    fsc_obs_int("helper_torn", torn);
    fsc_obs("helper_first_close_error", "%s", first_close_error);
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    char rec[REC + 1];
    const char *first_error = "ok";
    record(rec, 0);
    fsc_put("name", rec);
    fsc_helper *h = fsc_spawn("reader", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "reading");
    for (int i = 1; i <= RENAMES; i++) {
        record(rec, i);
        fsc_put("tmp", rec);
        int err = fsc_op_rename("tmp", "name");
        if (err && !strcmp(first_error, "ok")) first_error = fsc_op_errname(err);
    }
    fsc_put("stop", "x");   /* ends the reader also when the last rename failed */
    fsc_expect(h, "done");
    fsc_obs("rename", "%s", first_error);
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"reader", reader})
