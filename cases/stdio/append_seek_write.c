/*
 * stdio.append_seek_write — fwrite on an "ab" stream after fseek to the start.
 *
 * Steps: create "f" holding "abc"; fopen it "ab"; fseek(f, 0, SEEK_SET);
 * fwrite "X"; report fseek, fwrite, ftell after the write, fclose, and the
 * file's bytes as one token (letters and digits as they are, others %XX).
 *
 * Why: C and POSIX force every write on an append-mode stream to the then
 * current end of file regardless of fseek, so "X" must end up after "abc",
 * never over "a". Log writers and tools that fseek an append stream to read
 * a header (or by mistake) rely on it; a runtime that emulates append by one
 * seek at open, or honours the fseek, overwrites the start of the file. ftell
 * after the write shows whether the library tracks the real position (4).
 *
 * References: ISO C11 7.21.5.3p6 (fopen, append mode); POSIX.1-2024 fopen()
 * ("regardless of intervening calls to fseek()"), fputc().
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    fsc_put("f", "abc");
    FILE *f = fopen("f", "ab");
    FSC_CHECK(f != NULL);
    fsc_obs_sys("fseek", fseek(f, 0, SEEK_SET));
    fsc_obs_int("fwrite", (long long)fwrite("X", 1, 1, f));
    fsc_obs_int("ftell", ftell(f));
    fsc_obs("fclose", "%s", fclose(f) ? "EOF" : "ok");
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
