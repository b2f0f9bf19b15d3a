/*
 * stdio.rplus_read_seek_write — fwrite after fread and fseek(f, 0, SEEK_CUR) on an "r+b" stream.
 *
 * Steps: create "f" holding "abcdef"; fopen it "r+b"; fread 2 bytes;
 * fseek(f, 0, SEEK_CUR) — the positioning call C requires between input and
 * output; fwrite "X"; report the calls' results, ftell, and the file's bytes
 * as one token (letters and digits as they are, any other byte as %XX).
 *
 * Why: this is the conforming way to update in place after reading, and the
 * reference for stdio.rplus_read_write_noseek. The write must land at offset
 * 2 ("abXdef") even though the library buffered the whole file on the read; a
 * runtime that writes at its buffered offset corrupts every read-modify-write.
 *
 * References: ISO C11 7.21.5.3p7 (fopen, update mode), 7.21.9.2 (fseek);
 * POSIX.1-2024 fopen(), fseek().
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    char buf[2];
    fsc_put("f", "abcdef");
    FILE *f = fopen("f", "r+b");
    FSC_CHECK(f != NULL);
    fsc_obs_int("fread", (long long)fread(buf, 1, sizeof buf, f));
    fsc_obs_sys("fseek", fseek(f, 0, SEEK_CUR));
    fsc_obs_int("fwrite", (long long)fwrite("X", 1, 1, f));
    fsc_obs_bool("ferror", ferror(f));
    fsc_obs_int("ftell", ftell(f));
    fsc_obs("fclose", "%s", fclose(f) ? "EOF" : "ok");
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
