/*
 * stdio.ftell_append — ftell on an append stream ("ab", "a+b") before the first write, after it, and after fflush.
 *
 * Steps: for each mode, create a file (named after the mode) holding "abc"; fopen it; report ftell
 * (before_write); fwrite "X" and report ftell (after_write); fflush and
 * report ftell (after_fflush); fclose. Names are <mode>.<when>, mode
 * append / append_update.
 *
 * Why: programs that log to a file opened for appending record offsets
 * with ftell (index files, "resume from here" markers, mail spools). C
 * leaves the initial position of an append stream to the implementation:
 * some libraries report 0 until the first write, others the end of the
 * file; and a library that has not yet seeked reports a position the next
 * write does not use. An index built on one runtime points to the wrong
 * records on another.
 *
 * References: ISO C11 7.21.5.3p6 (append mode: writes go to the end
 * "regardless of current calls to the fseek function"; the initial
 * position is implementation-defined, 7.21.3p1); POSIX.1-2024 fopen(),
 * ftell(); Microsoft Learn ftell ("When a file is opened for appending
 * data, the current file position is determined by the last I/O operation,
 * not by where the next write would occur").
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    static const struct {
        const char *name, *mode;
    } modes[] = {{"append", "ab"}, {"append_update", "a+b"}};
    char name[48];
    for (int m = 0; m < 2; m++) {
        fsc_put(modes[m].name, "abc");   /* one file per mode */
        FILE *f = fopen(modes[m].name, modes[m].mode);
        FSC_CHECK(f != NULL);
        snprintf(name, sizeof name, "%s.before_write", modes[m].name);
        fsc_obs_int(name, ftell(f));
        fwrite("X", 1, 1, f);   /* results unchecked: the positions are the observation */
        snprintf(name, sizeof name, "%s.after_write", modes[m].name);
        fsc_obs_int(name, ftell(f));
        fflush(f);
        snprintf(name, sizeof name, "%s.after_fflush", modes[m].name);
        fsc_obs_int(name, ftell(f));
        fclose(f);
    }
}

FSC_PROBE(probe)
