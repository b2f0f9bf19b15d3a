/*
 * stdio.fseek_past_eof_write — fseek beyond the end of a file, then fwrite: the gap reads back as zeros.
 *
 * Steps: create "f" holding "abc"; fopen it "r+b"; fseek(f, 8, SEEK_SET)
 * (report ok or the errno name) and ftell; fwrite "X" and fclose; report
 * the file's bytes as one token (letters and digits as they are, other
 * bytes as %XX: a zero byte is %00).
 *
 * Why: file formats with fixed offsets (archives, databases, torrent
 * clients preallocating by writing the last byte) seek past the end and
 * write, relying on the gap reading as zeros. POSIX and C allow the seek;
 * a C library or file system that refused it, or filled the gap with
 * garbage, would corrupt every such file.
 *
 * References: ISO C11 7.21.9.2 (fseek; for a binary stream the position
 * may be set beyond the end); POSIX.1-2024 fseek() ("The fseek() function
 * shall allow the file-position indicator to be set beyond the end of
 * existing data in the file. If data is later written at this point,
 * subsequent reads of data in the gap shall return bytes with the value 0
 * until data is actually written into the gap"); Microsoft Learn fseek.
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    fsc_put("f", "abc");
    FILE *f = fopen("f", "r+b");
    FSC_CHECK(f != NULL);
    fsc_obs_sys("fseek", fseek(f, 8, SEEK_SET));
    fsc_obs_int("ftell", ftell(f));
    fsc_obs_int("fwrite", (long long)fwrite("X", 1, 1, f));
    fsc_obs("fclose", "%s", fclose(f) ? "EOF" : "ok");
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
