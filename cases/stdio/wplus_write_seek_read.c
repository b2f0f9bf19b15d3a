/*
 * stdio.wplus_write_seek_read — fread after fwrite and fseek(f, 0, SEEK_CUR) on a "w+b" stream.
 *
 * Steps: fopen "f" "w+b"; fwrite "abcdef"; rewind; fwrite "XY"; fseek(f, 0,
 * SEEK_CUR) (the positioning call C requires between output and input);
 * fread 2 bytes; report the count, the bytes read as one token (letters and
 * digits as they are, any other byte %XX), ferror, feof, ftell; fclose and
 * report the file's bytes.
 *
 * Why: the conforming way to switch from writing to reading, and the
 * reference for stdio.wplus_write_read_noseek: the read must return "cd"
 * (the bytes after the ones just written), and the file must hold "XYcdef".
 *
 * References: ISO C11 7.21.5.3p7 (fopen, update mode), 7.21.9.2 (fseek);
 * POSIX.1-2024 fopen(), fseek().
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    unsigned char buf[2];
    FILE *f = fopen("f", "w+b");
    FSC_CHECK(f != NULL);
    FSC_CHECK(fwrite("abcdef", 1, 6, f) == 6);
    rewind(f);
    FSC_CHECK(fwrite("XY", 1, 2, f) == 2);
    fsc_obs_sys("fseek", fseek(f, 0, SEEK_CUR));
    size_t n = fread(buf, 1, sizeof buf, f);
    fsc_obs_int("fread", (long long)n);
    fsc_obs_bytes("fread_bytes", buf, n);
    fsc_obs_bool("ferror", ferror(f));
    fsc_obs_bool("feof", feof(f));
    fsc_obs_int("ftell", ftell(f));
    fsc_obs("fclose", "%s", fclose(f) ? "EOF" : "ok");
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
