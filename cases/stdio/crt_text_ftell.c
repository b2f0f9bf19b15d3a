/*
 * stdio.crt_text_ftell — what ftell returns on a text-mode stream over a file with LF-only line endings, and where fseek to it lands.
 *
 * Steps: four cases, each a fresh file read through a fresh stream:
 * `lines` — "ab\ncd\nef\n" opened "rt", fgets the first line (true offset 3);
 * `crlf` — "ab\r\ncd\r\nef\r\n" opened "rt", fgets the first line (true
 * offset 4); `binary` — the LF-only file opened "rb", fgets the first line;
 * `lfs` — "\n\n\n\n" opened "rt", one fgetc (true offset 1). For each report
 * ftell, the true offset, fseek(SEEK_SET) to what ftell said (`ok` or the
 * errno name) and, if it succeeded, the next line fgets reads from there.
 * Windows only; skips elsewhere.
 *
 * Why: the C runtime's text mode assumes every "\n" in its read buffer was
 * "\r\n" on disk and subtracts one byte per buffered "\n" when it computes
 * ftell. On a file with Unix line endings — most files that came from git,
 * a Linux tool or the web — ftell comes out too small, even negative, and
 * "remember the position, seek back later" code (parsers, indexers, log
 * tailers) rereads the wrong bytes or fails with EINVAL.
 *
 * References: Microsoft Learn, ftell/_ftelli64 ("may not reflect the
 * physical byte offset for streams opened in text mode ... Use ftell with
 * fseek or _fseeki64 to return to file locations correctly"), fopen ("t"
 * mode); Wine dlls/msvcrt/tests/file.c test_filbuf (on Windows ftell is -2
 * after one read from "\n\n\n\n" in "rt"), test_readmode (ascii mode over
 * CRLF lines: ftell is the true offset); Wine bug 16970.
 */
#include "fsc.h"

#ifdef _WIN32
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* truth == 1: the "\n\n\n\n" case, read with one fgetc as in Wine's test. */
static void ftell_case(const char *how, const char *content, const char *mode, long truth)
{
    char buf[16], name[64];
    fsc_put(how, content);
    FILE *f = fopen(how, mode);
    FSC_CHECK(f != NULL);
    if (truth == 1)
        FSC_CHECK(fgetc(f) == '\n');
    else
        FSC_CHECK(fgets(buf, sizeof buf, f) != NULL);
    long pos = ftell(f);
    snprintf(name, sizeof name, "%s.ftell", how);
    fsc_obs_int(name, pos);
    snprintf(name, sizeof name, "%s.true_offset", how);
    fsc_obs_int(name, truth);
    snprintf(name, sizeof name, "%s.fseek_back", how);
    errno = 0;
    int rc = fseek(f, pos, SEEK_SET);
    fsc_obs(name, "%s", rc == 0 ? "ok" : fsc_errno_name(errno));
    if (rc == 0) {
        snprintf(name, sizeof name, "%s.reread", how);
        if (fgets(buf, sizeof buf, f))
            fsc_obs_bytes(name, buf, strlen(buf));
        else
            fsc_obs(name, "%s", feof(f) ? "eof" : "error");
    }
    FSC_CHECK(fclose(f) == 0);
}

static void probe(void)
{
    ftell_case("lines", "ab\ncd\nef\n", "rt", 3);
    ftell_case("crlf", "ab\r\ncd\r\nef\r\n", "rt", 4);
    ftell_case("binary", "ab\ncd\nef\n", "rb", 3);
    ftell_case("lfs", "\n\n\n\n", "rt", 1);
}
#else
static void probe(void) { fsc_skip("no_text_mode"); }
#endif

FSC_PROBE(probe)
