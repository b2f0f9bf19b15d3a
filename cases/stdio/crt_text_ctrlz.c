/*
 * stdio.crt_text_ctrlz — what a text-mode stream reads from a file holding "ab", Ctrl-Z, "cd".
 *
 * Steps: create "f" holding the 5 bytes "ab\x1a" "cd"; open it "rt" (text)
 * and fread up to 16 bytes; report the count, the bytes, feof, then what a
 * second fread returns; then the same with "rb" (binary). Windows only;
 * skips elsewhere.
 *
 * Why: the C runtime treats Ctrl-Z (0x1A) as end of file in text mode, a
 * CP/M inheritance: a program reading a binary file, or a text file with a
 * stray 0x1A (some editors and serial captures write one), through a stream
 * opened without "b" silently gets a truncated file with no error — a
 * parser sees a clean EOF, a copy tool writes a short copy.
 *
 * References: Microsoft Learn, fopen/_wfopen ("In text mode, CTRL+Z is
 * interpreted as an EOF character on input"); Wine dlls/msvcrt/tests/file.c
 * test_ctrlz and test_asciimode ("foo\x1a" read as "foo" by fread, then 0).
 */
#include "fsc.h"

#ifdef _WIN32
#include <stdio.h>

static void read_as(const char *mode, const char *how)
{
    char buf[16], name[64];
    FILE *f = fopen("f", mode);
    FSC_CHECK(f != NULL);
    size_t n = fread(buf, 1, sizeof buf, f);
    snprintf(name, sizeof name, "%s.fread", how);
    fsc_obs_int(name, (long long)n);
    snprintf(name, sizeof name, "%s.bytes", how);
    fsc_obs_bytes(name, buf, n);
    snprintf(name, sizeof name, "%s.feof", how);
    fsc_obs_bool(name, feof(f));
    snprintf(name, sizeof name, "%s.fread_again", how);
    fsc_obs_int(name, (long long)fread(buf, 1, sizeof buf, f));
    FSC_CHECK(fclose(f) == 0);
}

static void probe(void)
{
    fsc_put("f", "ab\x1a" "cd");
    read_as("rt", "text");
    read_as("rb", "binary");
}
#else
static void probe(void) { fsc_skip("no_text_mode"); }
#endif

FSC_PROBE(probe)
