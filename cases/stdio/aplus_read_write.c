/*
 * stdio.aplus_read_write — on an "a+b" stream, read from the start, then write: the write goes to the end.
 *
 * Steps: create "f" holding "abc"; fopen it "a+b"; fseek(f, 0, SEEK_SET);
 * fread 2 bytes (report the count and the bytes); fseek(f, 0, SEEK_CUR) (the
 * positioning call C requires between input and output); fwrite "X"; report
 * ftell after the write, then the file's bytes as one token (letters and
 * digits as they are, any other byte as %XX).
 *
 * Why: "a+" lets a program read anywhere but append only; the write must land
 * after "abc" ("abcX") although the read position was 2. Journals and
 * mailbox writers that read back before appending depend on it. ftell after
 * the write shows whether the library reports the real position (4) or
 * the read position plus one (3).
 *
 * References: ISO C11 7.21.5.3p6-7 (fopen, append and update modes);
 * POSIX.1-2024 fopen(), fseek(), ftell().
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    unsigned char buf[2];
    fsc_put("f", "abc");
    FILE *f = fopen("f", "a+b");
    FSC_CHECK(f != NULL);
    fsc_obs_sys("fseek_start", fseek(f, 0, SEEK_SET));
    size_t n = fread(buf, 1, sizeof buf, f);
    fsc_obs_int("fread", (long long)n);
    fsc_obs_bytes("fread_bytes", buf, n);
    fsc_obs_sys("fseek_cur", fseek(f, 0, SEEK_CUR));
    fsc_obs_int("fwrite", (long long)fwrite("X", 1, 1, f));
    fsc_obs_int("ftell", ftell(f));
    fsc_obs("fclose", "%s", fclose(f) ? "EOF" : "ok");
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
