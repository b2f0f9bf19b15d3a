/*
 * fsc_plat.h — what the portable core (fsc_core.c) needs from a platform file
 * (fsc_posix.c, fsc_win32.c). Not for probes.
 */
#ifndef FSC_PLAT_H
#define FSC_PLAT_H

#include "fsc.h"

#if defined(_MSC_VER)
#define FSC_THREAD_LOCAL __declspec(thread)
#else
#define FSC_THREAD_LOCAL _Thread_local
#endif

/* A helper as the core sees it: its channel and its process. */
struct fsc_helper {
    intptr_t rd, wr;   /* pipe ends: from the other side, to the other side */
    intptr_t proc;     /* pid or process handle; 0 for the parent channel */
    int done;          /* reaped */
    int status;        /* exit status, or -signal */
};

/* Once, at start: remember the program's own path (not argv[0] where the
 * platform can tell), make stdout unbuffered and binary. */
void fsc_plat_init(const char *argv0);
/* For `--fsc-platform`: print the platform as observations — `os=` (the
 * kernel's name: linux, darwin, freebsd, windows) and, on Win32, `wine=`
 * (Wine's version when ntdll exports wine_get_version, else `none`). The
 * harness asks a probe this when it runs probes through an emulator, because
 * only the probe's side knows what it runs on. */
void fsc_plat_describe(void);
/* 1 when the current directory has no entries, 0 when it has, -1 on error. */
int fsc_plat_cwd_empty(void);
/* Write all of buf to stdout in one call where the platform allows. */
void fsc_plat_stdout(const char *buf, size_t n);
/* Name of the error the last failed platform call left (errno, GetLastError). */
const char *fsc_plat_last_error(void);
/* Forget it (errno and GetLastError to 0), so the next name is a new error's. */
void fsc_plat_clear_error(void);
/* Monotonic milliseconds. */
long long fsc_plat_now_ms(void);
/* For fsc_clock_pass: the clock file systems stamp times from (see there),
 * in nanoseconds since 1970; and a pause of about a millisecond between two
 * readings of it (never to synchronise processes). */
long long fsc_plat_stamp_clock_ns(void);
void fsc_plat_pause(void);

/* Start `role` (see fsc_spawn) with `dir` as its current directory (NULL:
 * this process's); fill h->rd, h->wr, h->proc. 0 or an error code named by
 * fsc_op_errname. */
int fsc_plat_spawn(fsc_helper *h, const char *role, const char *arg, int how,
                   const char *dir);
/* In a helper: the channel to the probe that started it. 0 if there is one. */
int fsc_plat_parent(fsc_helper *h);
/* Read one byte, waiting at most timeout_ms: 1 read, 0 end of file,
 * -1 deadline passed, -2 error. */
int fsc_plat_read_byte(intptr_t rd, char *c, int timeout_ms);
/* Write all of buf; 0 or -1. */
int fsc_plat_write(intptr_t wr, const char *buf, size_t n);
/* After end of file on h->rd: collect the exit status into h->status. */
void fsc_plat_reap(fsc_helper *h);
/* Kill the helper's process (no wait). */
void fsc_plat_kill(fsc_helper *h);
/* Core side of a helper: run `role` with the channel to the probe (NULL: a
 * role started without one), then exit. fsc_main calls it for an exec'd
 * helper; fsc_plat_spawn for a forked one. */
FSC_NORETURN void fsc_core_run_role(const fsc_helper *to_probe, const char *role,
                                    const char *arg);
/* Replace this process image (see fsc_reexec). */
int fsc_plat_reexec(const fsc_helper *parent, const char *role, const char *arg);

#endif
