/*
 * stdio.fopen_x_mode — fopen with "x" (C11 exclusive create): on an existing file and on a missing one.
 *
 * Steps: create "f" holding "old"; fopen("f", "wbx") and report "ok" or the
 * errno name (errno set to 0 first: "null_no_errno" for a failure without
 * one), closing it if it opened, then report f's bytes (still "old" unless
 * it was truncated); fopen("g", "wbx") on the missing "g" and report the
 * same way, writing "new" into it if it opened, then report whether "g"
 * exists with its bytes ("missing" if not).
 *
 * Why: "x" is C11's and POSIX's way to create a file only if it does not
 * exist — lock files, "never overwrite" output, mkstemp-like code written
 * with stdio. A runtime that predates C11 either rejects the mode or, worse,
 * ignores the unknown letter and truncates the existing file the caller
 * meant to protect.
 *
 * References: ISO C11 7.21.5.3p5 ("Opening a file with exclusive mode ('x'
 * as the last character in the mode argument) fails if the file already
 * exists or cannot be created"); POSIX.1-2024 fopen() ("wx" -> O_EXCL,
 * [EEXIST]); Microsoft Learn fopen, _wfopen (the mode characters).
 */
#include "fsc.h"

#include <errno.h>
#include <stdio.h>

static FILE *try_open(const char *name, const char *path)
{
    errno = 0;
    FILE *f = fopen(path, "wbx");
    fsc_obs(name, "%s", f ? "ok" : errno ? fsc_errno_name(errno) : "null_no_errno");
    return f;
}

static void probe(void)
{
    fsc_put("f", "old");
    FILE *f = try_open("existing", "f");
    if (f) FSC_CHECK(fclose(f) == 0);
    fsc_obs_file("existing_content", "f");
    f = try_open("missing", "g");
    if (f) {
        FSC_CHECK(fputs("new", f) >= 0);
        FSC_CHECK(fclose(f) == 0);
    }
    fsc_stat st;
    if (fsc_op_stat("g", &st))
        fsc_obs("missing_content", "missing");
    else
        fsc_obs_file("missing_content", "g");
}

FSC_PROBE(probe)
