/*
 * stdio.setvbuf_modes — with _IOFBF, _IOLBF and _IONBF, when written data reaches the file, seen by another reader before fflush.
 *
 * Steps: for each mode, fopen a fresh file "wb"; setvbuf(f, NULL, mode, 64)
 * (report ok or "nonzero"); fputs "ab\n" and read the file through another
 * open (the operations layer), reporting its bytes (after_newline); fputs
 * "cd" and read again (after_partial); fclose. Bytes are one token ("empty"
 * when nothing arrived, %0A for the newline). Names are <mode>.<when>, mode
 * full / line / none.
 *
 * Why: log files tailed by another process (tail -f, log shippers,
 * supervisors reading a child's log) see a line only when the writer's
 * stream hands it to the system. Programs set line buffering to make each
 * line visible at once; a C runtime that treats _IOLBF as full buffering
 * (Microsoft's, by its documentation) holds whole lines back until the
 * buffer fills or the program exits, and a crash loses them.
 *
 * References: ISO C11 7.21.3p3 (unbuffered / fully / line buffered),
 * 7.21.5.6 (setvbuf); POSIX.1-2024 setvbuf(); Microsoft Learn setvbuf
 * ("_IOLBF: For some systems, this provides line buffering. However, for
 * Win32, the behavior is the same as _IOFBF - Full Buffering"),
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/setvbuf.
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

static void seen(const char *mode, const char *when, const char *path)
{
    char name[48];
    const char *now = fsc_get(path);
    FSC_CHECK(now != NULL);
    snprintf(name, sizeof name, "%s.%s", mode, when);
    fsc_obs_bytes(name, now, strlen(now));
}

static void probe(void)
{
    static const struct {
        const char *name;
        int mode;
    } modes[] = {{"full", _IOFBF}, {"line", _IOLBF}, {"none", _IONBF}};
    char name[48];
    for (int m = 0; m < 3; m++) {
        FILE *f = fopen(modes[m].name, "wb");
        FSC_CHECK(f != NULL);
        snprintf(name, sizeof name, "%s.setvbuf", modes[m].name);
        fsc_obs(name, "%s", setvbuf(f, NULL, modes[m].mode, 64) ? "nonzero" : "ok");
        FSC_CHECK(fputs("ab\n", f) >= 0);
        seen(modes[m].name, "after_newline", modes[m].name);
        FSC_CHECK(fputs("cd", f) >= 0);
        seen(modes[m].name, "after_partial", modes[m].name);
        FSC_CHECK(fclose(f) == 0);
    }
}

FSC_PROBE(probe)
