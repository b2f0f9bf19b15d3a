/*
 * stdio.wrong_direction — fwrite on a stream opened "rb" and fread on one opened "wb": the count, the error flag and errno.
 *
 * Steps: create "f" holding "abc". fopen it "rb", set errno to 0, fwrite
 * "X" and fflush; report fwrite's count, ferror, and errno's name ("none"
 * when it stayed 0); fclose. Then fopen "g" "wb", set errno to 0, fread 1
 * byte and report the count, ferror and errno the same way; fclose. Finally
 * report f's bytes (the write must not have reached it).
 *
 * Why: a stream used in the wrong direction is a common bug (a config
 * file opened "r" and saved through the same FILE). C says only that the
 * operation fails; whether the error flag is set and errno says EBADF
 * decides whether the caller's error handling notices at all, or the
 * program reports success and loses the data.
 *
 * References: ISO C11 7.21.8.2 (fwrite returns fewer than nmemb "only if a
 * write error is encountered"), 7.21.10.3 (ferror); POSIX.1-2024
 * fwrite()/fgetc() ("[EBADF] The file descriptor underlying stream is not
 * a valid file descriptor open for writing/reading"); Microsoft Learn
 * fwrite, fread.
 */
#include "fsc.h"

#include <errno.h>
#include <stdio.h>

static const char *err_name(void) { return errno ? fsc_errno_name(errno) : "none"; }

static void probe(void)
{
    char c;
    fsc_put("f", "abc");
    FILE *f = fopen("f", "rb");
    FSC_CHECK(f != NULL);
    errno = 0;
    size_t n = fwrite("X", 1, 1, f);
    fflush(f);
    fsc_obs_int("rb.fwrite", (long long)n);
    fsc_obs_bool("rb.ferror", ferror(f) != 0);
    fsc_obs("rb.errno", "%s", err_name());
    fclose(f);
    f = fopen("g", "wb");
    FSC_CHECK(f != NULL);
    errno = 0;
    n = fread(&c, 1, 1, f);
    fsc_obs_int("wb.fread", (long long)n);
    fsc_obs_bool("wb.ferror", ferror(f) != 0);
    fsc_obs("wb.errno", "%s", err_name());
    fclose(f);
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
