/*
 * stdio.wplus_write_read_noseek — fread directly after fwrite on a "w+b" stream, no fflush or fseek between.
 *
 * Steps: fopen "f" "w+b"; fwrite "abcdef"; rewind; fwrite "XY" (it sits in
 * the write buffer, the position is 2); at once fread 2 bytes; report the
 * count, the bytes read as one token (letters and digits as they are, any
 * other byte %XX), ferror, feof, ftell; fclose and report the file's bytes.
 *
 * Why: C11 7.21.5.3p7 forbids output directly followed by input without
 * fflush or a positioning call, so this is undefined behaviour — and easy to
 * write by accident (write a record, read the next one). A runtime that
 * switches modes cleanly returns "cd" and keeps "XYcdef"; others return
 * stale buffer bytes, nothing, or lose the "XY" — silent data corruption that
 * depends on the C library. stdio.wplus_write_seek_read is the conforming
 * reference.
 *
 * References: ISO C11 7.21.5.3p7 (fopen, update mode); POSIX.1-2024 fopen().
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
