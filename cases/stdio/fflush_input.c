/*
 * stdio.fflush_input — fflush on a stream that has been reading: its result, where the descriptor is left, and whether the buffered bytes are dropped.
 *
 * Steps: create "f" holding "abcdef"; fopen it "rb" and fgetc once (the
 * library has now buffered the whole file); fflush(f) and report "ok" or
 * "EOF"; report ftell and the descriptor's own offset (lseek(fileno(f), 0,
 * SEEK_CUR): 1 when the library seeked it back to the logical position, 6
 * when it left it after its read-ahead); overwrite the file with "ABCDEF"
 * through another open; fgetc and report "new" ('B': the buffer was
 * dropped and refilled), "old" ('b': still the buffered byte), "eof" (the
 * buffer was dropped and the stream reads on from where its read-ahead
 * left the descriptor) or "other".
 *
 * Why: C leaves fflush on an input stream undefined; POSIX defines it for
 * seekable input (the descriptor is moved to the stream's position) and
 * Microsoft's runtime documents that it discards the buffer. Programs use
 * it to "re-read a file someone else changed" or to hand a descriptor's
 * position over to a child process or to read() after stdio, and get
 * stale bytes or a descriptor positioned past what they consumed.
 *
 * References: ISO C11 7.21.5.2p2 (fflush on an input stream: undefined);
 * POSIX.1-2024 fflush() ("For a stream open for reading ... if the file is
 * capable of seeking, the file offset of the underlying open file
 * description shall be set to the file position of the stream"); Microsoft
 * Learn fflush ("If the stream is open for input, fflush clears the
 * contents of the buffer" — with commit-mode notes).
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif
#include "fsc.h"

#include <stdio.h>
#ifdef _WIN32
#include <io.h>
#define lseek _lseek
#define fileno _fileno
#else
#include <unistd.h>
#endif

static void probe(void)
{
    fsc_fd fd;
    size_t n;
    fsc_put("f", "abcdef");
    FILE *f = fopen("f", "rb");
    FSC_CHECK(f != NULL);
    FSC_CHECK(fgetc(f) == 'a');
    fsc_obs("fflush", "%s", fflush(f) ? "EOF" : "ok");
    fsc_obs_int("ftell", ftell(f));
    fsc_obs_int("fd_offset", (long long)lseek(fileno(f), 0, SEEK_CUR));
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_write(fd, "ABCDEF", 6, &n));
    FSC_CHECK(n == 6);
    FSC_OK(fsc_op_close(fd));
    int c = fgetc(f);
    fsc_obs("next_byte", "%s", c == 'B' ? "new" : c == 'b' ? "old" : c == EOF ? "eof" : "other");
    FSC_CHECK(fclose(f) == 0);
}

FSC_PROBE(probe)
