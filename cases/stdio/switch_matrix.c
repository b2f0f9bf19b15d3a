/*
 * stdio.switch_matrix — every update mode ("r+b", "w+b", "a+b") switching between reading and writing, with no call, fflush, fseek(0, SEEK_CUR) or rewind between: what the second operation does.
 *
 * Steps: for each of the 24 cells (mode x direction x call between), a
 * fresh stream on a file of its own (c<mode><call><r|w>) holding
 * "abcdef" (for "w+b": a new file, and the stream fwrites "abcdef"), then
 * rewind, so every cell starts positioned at 0.
 * read_write: fread 2 bytes, the call between, fwrite "X", fclose; report
 * the file's bytes (where the write landed, or that it was lost).
 * write_read: fwrite "X", the call between, fread 2 bytes; report the bytes
 * read ("empty" for none) and, after fclose, the file's bytes (`.content`).
 * Bytes are one token: letters and digits as they are, others as %XX.
 * Names are <mode>.<direction>.<call>, mode rplus/wplus/aplus, call
 * none/fflush/fseek/rewind.
 *
 * Why: C11 requires a positioning call (fseek, fsetpos, rewind) between
 * input and output, and fflush or a positioning call between output and
 * input; without it the behaviour is undefined, and fflush is not enough
 * after input. C libraries differ cell by cell — glibc repositions and
 * makes most undefined cells behave, other runtimes lose or misplace the
 * write or return stale bytes — so code that works on one (patch a header
 * after reading it, read back what was just written) corrupts files on
 * another. The single-cell probes (stdio.rplus_read_write_noseek,
 * stdio.wplus_write_read_noseek, ...) explain individual cells; this is
 * the whole table.
 *
 * References: ISO C11 7.21.5.3p7 (fopen: "output shall not be directly
 * followed by input without an intervening call to the fflush function or
 * to a file positioning function ..., and input shall not be directly
 * followed by output without an intervening call to a file positioning
 * function, unless the input operation encounters end-of-file"), 7.21.9.2
 * (fseek), 7.21.9.5 (rewind); POSIX.1-2024 fopen(), 2.5.1 "Interaction of
 * File Descriptors and Standard I/O Streams".
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name, *mode;
} modes[] = {{"rplus", "r+b"}, {"wplus", "w+b"}, {"aplus", "a+b"}};
static const char *const calls[] = {"none", "fflush", "fseek", "rewind"};

/* The call's own result is not checked: where it fails, the cell shows
 * what the second operation did anyway. */
static void between(FILE *f, int call)
{
    if (call == 1) fflush(f);
    if (call == 2) fseek(f, 0, SEEK_CUR);
    if (call == 3) rewind(f);
}

/* Each cell gets a file of its own, c<mode><call><r|w> (short names: FAT). */
static FILE *start(int m, const char *path)
{
    if (modes[m].mode[0] != 'w') fsc_put(path, "abcdef");
    FILE *f = fopen(path, modes[m].mode);
    FSC_CHECK(f != NULL);
    if (modes[m].mode[0] == 'w') FSC_CHECK(fwrite("abcdef", 1, 6, f) == 6);
    rewind(f);
    return f;
}

static void content(const char *name, const char *path)
{
    const char *now = fsc_get(path);
    FSC_CHECK(now != NULL);
    fsc_obs_bytes(name, now, strlen(now));
}

static void probe(void)
{
    char name[64], path[8], buf[2];
    for (int m = 0; m < 3; m++)
        for (int c = 0; c < 4; c++) {
            snprintf(path, sizeof path, "c%d%dr", m, c);
            FILE *f = start(m, path);
            FSC_CHECK(fread(buf, 1, 2, f) == 2);
            between(f, c);
            fwrite("X", 1, 1, f);
            fclose(f);
            snprintf(name, sizeof name, "%s.read_write.%s", modes[m].name, calls[c]);
            content(name, path);

            snprintf(path, sizeof path, "c%d%dw", m, c);
            f = start(m, path);
            fwrite("X", 1, 1, f);
            between(f, c);
            size_t n = fread(buf, 1, 2, f);
            fclose(f);
            snprintf(name, sizeof name, "%s.write_read.%s", modes[m].name, calls[c]);
            fsc_obs_bytes(name, buf, n);
            snprintf(name, sizeof name, "%s.write_read.%s.content", modes[m].name, calls[c]);
            content(name, path);
        }
}

FSC_PROBE(probe)
