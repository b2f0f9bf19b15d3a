/*
 * stdio.crt_text_crlf — what bytes reach the disk when a text-mode stream writes "a\nb\n".
 *
 * Steps: fwrite the 4 bytes "a\nb\n" to a stream opened "w" (the default,
 * text unless _fmode says otherwise), to one opened "wt" (text, explicit)
 * and to one opened "wb" (binary), each its own file; report fwrite's count,
 * ftell before fclose, and the file's bytes read back unchanged (letters and
 * digits as they are, other bytes as %XX). Windows only; skips elsewhere.
 *
 * Why: on Windows a text stream turns every "\n" into "\r\n" on output, so
 * the file is longer than what the program wrote: hashes, sizes and byte
 * offsets computed from the buffer are wrong, binary data written through a
 * stream opened without "b" is corrupted, and files written on Windows show
 * "^M" in POSIX tools and fail diffs against files written elsewhere.
 *
 * References: Microsoft Learn, fopen/_wfopen ("t: Open in text (translated)
 * mode ... LF characters are translated to CR-LF combinations on output";
 * "b: ... translations involving carriage-return and line feed characters
 * are suppressed"), _fmode; Wine dlls/msvcrt/tests/file.c
 * test_file_put_get ("wt" fputs of "...\n" reads back "...\r\n" in "rb").
 */
#include "fsc.h"

#ifdef _WIN32
#include <stdio.h>

static void write_as(const char *mode, const char *path)
{
    char name[64];
    FILE *f = fopen(path, mode);
    FSC_CHECK(f != NULL);
    snprintf(name, sizeof name, "%s.fwrite", path);
    fsc_obs_int(name, (long long)fwrite("a\nb\n", 1, 4, f));
    snprintf(name, sizeof name, "%s.ftell", path);
    fsc_obs_int(name, ftell(f));
    FSC_CHECK(fclose(f) == 0);
    snprintf(name, sizeof name, "%s.bytes", path);
    fsc_obs_file(name, path);
}

static void probe(void)
{
    write_as("w", "default");
    write_as("wt", "text");
    write_as("wb", "binary");
}
#else
static void probe(void) { fsc_skip("no_text_mode"); }
#endif

FSC_PROBE(probe)
