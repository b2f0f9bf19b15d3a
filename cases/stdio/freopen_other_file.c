/*
 * stdio.freopen_other_file — freopen a reading stream onto another file: the same FILE, the new file's bytes, and the old file closed.
 *
 * Steps: create "a" holding "aaa" and "b" holding "bbb"; fopen "a" "rb" and
 * fgetc once; freopen("b", "rb", f) and report whether it returned the same
 * stream ("same", "other" or "null"), then fgetc ("a", "b", or "eof") and
 * ftell; then unlink "a" through the operations layer (ok once the first
 * file is really closed; on Windows a CRT handle still open would refuse
 * it) and fclose.
 *
 * Why: freopen is how programs redirect stdin/stdout/stderr to files
 * (daemons, test harnesses, "freopen(log, "a", stderr)"). It must close the
 * old file, even though no one calls fclose on it, and hand back the same
 * FILE with a fresh position; a runtime that kept the old handle open
 * would leave log files undeletable on Windows and leak descriptors.
 *
 * References: ISO C11 7.21.5.4 (freopen: "first attempts to close any
 * file that is associated with the specified stream"; returns stream);
 * POSIX.1-2024 freopen(); Microsoft Learn freopen.
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    fsc_put("a", "aaa");
    fsc_put("b", "bbb");
    FILE *f = fopen("a", "rb");
    FSC_CHECK(f != NULL);
    FSC_CHECK(fgetc(f) == 'a');
    FILE *g = freopen("b", "rb", f);
    fsc_obs("freopen", "%s", g == NULL ? "null" : g == f ? "same" : "other");
    if (g == NULL) fsc_fail("freopen failed, nothing more to observe: %s", fsc_last_error());
    int c = fgetc(g);
    fsc_obs("fgetc", "%s", c == 'a' ? "a" : c == 'b' ? "b" : c == EOF ? "eof" : "other");
    fsc_obs_int("ftell", ftell(g));
    fsc_obs_op("unlink_old", fsc_op_unlink("a"));
    FSC_CHECK(fclose(g) == 0);
}

FSC_PROBE(probe)
