/*
 * stdio.rplus_read_write_noseek — fwrite directly after fread on an "r+b" stream, no fflush or fseek between.
 *
 * Steps: create "f" holding "abcdef"; fopen it "r+b"; fread 2 bytes; at once
 * fwrite "X" (no positioning call in between); report what fread and fwrite
 * returned, ferror, ftell and fclose, then the file's bytes as one token
 * (letters and digits as they are, any other byte as %XX).
 *
 * Why: C11 7.21.5.3p7 forbids input directly followed by output without a
 * positioning call, so this is undefined behaviour — and common in real code
 * (patch a field right after reading the header). A C library that keeps its
 * read buffer's file offset writes "X" at offset 6 (the end of what it
 * buffered) or drops it; one that repositions writes at offset 2. Code tested
 * on one runtime silently corrupts files on another.
 *
 * References: ISO C11 7.21.5.3p7 (fopen, update mode); POSIX.1-2024 fopen(),
 * "2.5.1 Interaction of File Descriptors and Standard I/O Streams".
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
    fsc_obs_int("fwrite", (long long)fwrite("X", 1, 1, f));
    fsc_obs_bool("ferror", ferror(f));
    fsc_obs_int("ftell", ftell(f));
    fsc_obs("fclose", "%s", fclose(f) ? "EOF" : "ok");
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
