/*
 * stdio.fdopen_mode_mismatch — fdopen with a mode the descriptor's access does not allow ("wb" on a read-only descriptor, "rb" on a write-only one).
 *
 * Steps: create "f" holding "abc". Case rdonly_w: open it read-only,
 * fdopen(fd, "wb") and report "ok" or the errno name; if a stream came
 * back, fputc 'X' and fflush it, reporting "ok" or the errno name of the
 * failure, then fclose; "none" otherwise. Case wronly_r: open it write-only,
 * fdopen(fd, "rb"), and if a stream came back fgetc, reporting "eof_error"
 * (EOF with the error flag), "eof" or "byte". Then report the file's
 * bytes (the write must not have happened).
 *
 * Why: library code wraps descriptors it was handed (sockets, pipes,
 * inherited files) with fdopen and picks the mode by guessing. POSIX lets
 * fdopen refuse a mode the descriptor cannot serve (EINVAL); a runtime
 * that accepts it reports the problem only at the first flush — often at
 * fclose, whose result nobody checks — and the data is silently lost.
 *
 * References: POSIX.1-2024 fdopen() ("The mode of the stream shall be
 * allowed by the file access mode of the open file description"; "[EINVAL]
 * The mode argument is not a valid mode" — may fail); glibc fdopen
 * (checks F_GETFL); Microsoft Learn _fdopen.
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif
#include "fsc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#ifdef _WIN32
#include <io.h>
#define open _open
#define fdopen _fdopen
#define close _close
#else
#include <unistd.h>
#endif

static void probe(void)
{
    fsc_put("f", "abc");
    int fd = open("f", O_RDONLY);
    FSC_CHECK(fd >= 0);
    errno = 0;
    FILE *f = fdopen(fd, "wb");
    fsc_obs("rdonly_w.fdopen", "%s", f ? "ok" : fsc_errno_name(errno));
    if (f) {
        errno = 0;
        int r = fputc('X', f) == EOF || fflush(f) == EOF;
        fsc_obs("rdonly_w.flush", "%s", r ? fsc_errno_name(errno) : "ok");
        fclose(f);
    } else {
        fsc_obs("rdonly_w.flush", "none");
        FSC_CHECK(close(fd) == 0);
    }
    fd = open("f", O_WRONLY);
    FSC_CHECK(fd >= 0);
    errno = 0;
    f = fdopen(fd, "rb");
    fsc_obs("wronly_r.fdopen", "%s", f ? "ok" : fsc_errno_name(errno));
    if (f) {
        int c = fgetc(f);
        fsc_obs("wronly_r.fgetc", "%s", c != EOF ? "byte" : ferror(f) ? "eof_error" : "eof");
        fclose(f);
    } else {
        fsc_obs("wronly_r.fgetc", "none");
        FSC_CHECK(close(fd) == 0);
    }
    fsc_obs_file("content", "f");
}

FSC_PROBE(probe)
