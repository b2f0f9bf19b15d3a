/*
 * stdio.eof_sticky — after fread hit end of file and the file grew, does the next fread return the new bytes without clearerr?
 *
 * Steps: create "f" holding "ab"; fopen it "rb"; fread 8 bytes (2 come
 * back, feof is set); append "cd" through another open (report ok or the
 * error); fread 8 bytes again
 * without clearerr and report the count (again) and feof; clearerr, fread
 * once more and report the count (after_clearerr).
 *
 * Why: "tail -f" loops, log followers and interactive readers call fread
 * or getc again after end of file, hoping for new data. C11 says the
 * end-of-file indicator is sticky (a read with it set returns nothing until
 * clearerr or a seek); glibc followed only in 2.28, older glibc and other
 * runtimes read on. A follower written against one behaviour either spins
 * for ever missing new lines or never notices it needs clearerr.
 *
 * References: ISO C11 7.21.7.1p3 (fgetc: "If the end-of-file indicator for
 * the stream is set ... the fgetc function returns EOF"), 7.21.8.1 (fread
 * is a series of fgetc), 7.21.10.1 (clearerr); glibc 2.28 NEWS (all
 * stdio functions treat end-of-file as a sticky condition, bug 1190);
 * Microsoft Learn feof, clearerr.
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    char buf[8];
    fsc_fd fd;
    size_t n;
    fsc_put("f", "ab");
    FILE *f = fopen("f", "rb");
    FSC_CHECK(f != NULL);
    FSC_CHECK(fread(buf, 1, sizeof buf, f) == 2 && feof(f));
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_APPEND | FSC_SHARE_ALL, &fd));
    fsc_obs_op("append", fsc_op_write(fd, "cd", 2, &n));
    FSC_OK(fsc_op_close(fd));
    fsc_obs_int("again", (long long)fread(buf, 1, sizeof buf, f));
    fsc_obs_bool("again_feof", feof(f) != 0);
    clearerr(f);
    fsc_obs_int("after_clearerr", (long long)fread(buf, 1, sizeof buf, f));
    FSC_CHECK(fclose(f) == 0);
}

FSC_PROBE(probe)
