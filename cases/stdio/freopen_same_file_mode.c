/*
 * stdio.freopen_same_file_mode — freopen(NULL, "r+b", f): change a read-only stream to update mode on the same file.
 *
 * Steps: create "f" holding "abc"; fopen it "rb" and fgetc once; call
 * freopen(NULL, "r+b", f) and report "ok" or the errno name (errno set to
 * 0 first; "null_no_errno" if it failed without setting errno); if it
 * worked, report ftell and fwrite "X" (the count), fclose, and report the
 * file's bytes as one token; otherwise "none" for those.
 *
 * Why: C99 added freopen with a null file name to change a stream's mode
 * in place, most of all to switch stdin/stdout to binary ("rb"/"wb") in
 * filters and compressors. A runtime that does not implement it fails,
 * and portable programs then corrupt binary data through text-mode
 * newline translation.
 *
 * References: ISO C11 7.21.5.4p3 ("If filename is a null pointer, the
 * freopen function attempts to change the mode of the stream to that
 * specified by mode, as if the name of the file currently associated with
 * the stream had been used. It is implementation-defined which changes of
 * mode are permitted (if any), and under what circumstances");
 * POSIX.1-2024 freopen(); Microsoft Learn freopen.
 */
#include "fsc.h"

#include <errno.h>
#include <stdio.h>

static void probe(void)
{
    fsc_put("f", "abc");
    FILE *f = fopen("f", "rb");
    FSC_CHECK(f != NULL);
    FSC_CHECK(fgetc(f) == 'a');
    errno = 0;
    FILE *g = freopen(NULL, "r+b", f);
    fsc_obs("freopen", "%s", g ? "ok" : errno ? fsc_errno_name(errno) : "null_no_errno");
    if (g) {
        fsc_obs_int("ftell", ftell(g));
        fsc_obs_int("fwrite", (long long)fwrite("X", 1, 1, g));
        FSC_CHECK(fclose(g) == 0);
    } else {
        fsc_obs("ftell", "none");
        fsc_obs("fwrite", "none");
    }
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
