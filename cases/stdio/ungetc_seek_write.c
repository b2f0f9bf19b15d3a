/*
 * stdio.ungetc_seek_write — ftell after ungetc, then fseek(f, 0, SEEK_CUR) and a write: where does it land?
 *
 * Steps: create "f" holding "abcdef"; fopen it "r+b"; fgetc twice ("a",
 * "b"); ungetc 'X' (a different byte than the one read); report ungetc and
 * ftell (C: the position of a binary stream is decremented, so 1); fseek(f,
 * 0, SEEK_CUR), which must discard the pushed-back byte and keep position 1;
 * report ftell; fputc 'Y'; fclose; report the file's bytes as one token
 * (letters and digits as they are, any other byte %XX). The pushed-back 'X'
 * never reaches the file; "aYcdef" is the conforming result.
 *
 * Why: parsers peek with ungetc and then seek relative to "here" to patch or
 * re-read. Whether SEEK_CUR counts from the decremented position (1), from
 * the underlying read position (2), or from the end of the read buffer
 * decides which byte is overwritten; ftell after ungetc is where runtimes
 * have disagreed.
 *
 * References: ISO C11 7.21.7.10 (ungetc), 7.21.9.2 (fseek), 7.21.9.4
 * (ftell); POSIX.1-2024 ungetc(), fseek().
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    fsc_put("f", "abcdef");
    FILE *f = fopen("f", "r+b");
    FSC_CHECK(f != NULL);
    FSC_CHECK(fgetc(f) == 'a' && fgetc(f) == 'b');
    fsc_obs("ungetc", "%s", ungetc('X', f) == 'X' ? "ok" : "EOF");
    fsc_obs_int("ftell_after_ungetc", ftell(f));
    fsc_obs_sys("fseek", fseek(f, 0, SEEK_CUR));
    fsc_obs_int("ftell_after_fseek", ftell(f));
    fsc_obs("fputc", "%s", fputc('Y', f) == 'Y' ? "ok" : "EOF");
    fsc_obs("fclose", "%s", fclose(f) ? "EOF" : "ok");
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
