/*
 * stdio.ungetc_ftell — ftell after ungetc: after one byte was read, and at the very start of the file.
 *
 * Steps: create "f" holding "abc"; fopen it "rb"; fgetc ('a'), ungetc 'x',
 * report ftell (after_read_unget), fgetc (must give back 'x': "pushed",
 * else "file"), ftell again (after_reget) and the next fgetc ('b' is
 * "next"); then a fresh stream: ungetc 'y' before any read and report
 * ftell (at_start_unget: C makes this position indeterminate; a library
 * may say -1, 0 or anything).
 *
 * Why: tokenizers and parsers (lexers, number scanners, scanf itself) peek
 * one byte with getc/ungetc and record positions with ftell for error
 * messages and re-seeks. A binary stream must report one byte less after
 * ungetc; at offset 0 there is no valid answer, and libraries disagree,
 * so a parser that records the start position after a peek computes
 * offsets that are off, or fails.
 *
 * References: ISO C11 7.21.7.10p5 ("For a binary stream, its file position
 * indicator is decremented by each successful call to the ungetc function;
 * if its value was zero before a call, it is indeterminate after the
 * call"); POSIX.1-2024 ungetc(); Microsoft Learn ungetc.
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    fsc_put("f", "abc");
    FILE *f = fopen("f", "rb");
    FSC_CHECK(f != NULL);
    FSC_CHECK(fgetc(f) == 'a');
    FSC_CHECK(ungetc('x', f) == 'x');
    fsc_obs_int("after_read_unget", ftell(f));
    fsc_obs("reget", "%s", fgetc(f) == 'x' ? "pushed" : "file");
    fsc_obs_int("after_reget", ftell(f));
    fsc_obs("next", "%s", fgetc(f) == 'b' ? "next" : "other");
    FSC_CHECK(fclose(f) == 0);
    f = fopen("f", "rb");
    FSC_CHECK(f != NULL);
    FSC_CHECK(ungetc('y', f) == 'y');
    fsc_obs_int("at_start_unget", ftell(f));
    FSC_CHECK(fclose(f) == 0);
}

FSC_PROBE(probe)
