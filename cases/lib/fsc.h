/*
 * fsc.h — the probe runtime: the one header every probe includes.
 *
 * A probe is one C file with
 *
 *     static void probe(void) { ... fsc_obs(...); ... }
 *     FSC_PROBE(probe)                                   // no helpers
 *     FSC_PROBE_HELPERS(probe, {"reader", reader}, ...)  // helper roles
 *
 * It runs with its current directory set to an empty sandbox (the harness makes
 * one per run) and prints observations `name=value`, one per line, on stdout.
 *
 * Layout of the implementation:
 *   fsc_core.c      observation output, error names, sandbox check, helper
 *                   bookkeeping — portable, no #ifdef on the platform
 *   fsc_errno.c     the errno name table (every name the C library defines)
 *   fsc_posix.c     platform part for POSIX (processes, pipes, deadlines, faults)
 *   fsc_win32.c     platform part for Win32 (CreateProcessW, job objects,
 *                   overlapped pipes, vectored exception handler)
 *   fsc_win32_names.c  Win32 error and NTSTATUS names (generated)
 *   ops_posix.c, ops_win32.c  the native backends of the file-operations layer
 * Another platform is one more fsc_<platform>.c; another backend (a portable
 * I/O library) is one more ops_<backend>.c. CMake picks the files.
 */
#ifndef FSC_H
#define FSC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define FSC_NORETURN __attribute__((noreturn))
#define FSC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#elif defined(_MSC_VER)
#define FSC_NORETURN __declspec(noreturn)
#define FSC_PRINTF(f, a)
#else
#define FSC_NORETURN
#define FSC_PRINTF(f, a)
#endif

/* ---------------------------------------------------------------- entry -- */

/* A helper role: the probe executable re-run with `--fsc-role NAME ARG`.
 * `arg` is the string given to fsc_spawn (never NULL). The return value is the
 * helper's exit status. */
typedef int (*fsc_role_fn)(const char *arg);
typedef struct fsc_role {
    const char *name;
    fsc_role_fn fn;
} fsc_role;

int fsc_main(int argc, char **argv, void (*probe)(void), const fsc_role *roles);

#define FSC_PROBE(fn)                                                         \
    int main(int argc, char **argv) { return fsc_main(argc, argv, fn, 0); }
#define FSC_PROBE_HELPERS(fn, ...)                                            \
    int main(int argc, char **argv)                                           \
    {                                                                         \
        static const fsc_role fsc_roles_[] = {__VA_ARGS__, {0, 0}};           \
        return fsc_main(argc, argv, fn, fsc_roles_);                          \
    }

/* Exit statuses (see DESIGN.md: a probe never uses its status to report the
 * behaviour under test). */
enum { FSC_EXIT_DONE = 0, FSC_EXIT_BROKEN = 2, FSC_EXIT_SKIP = 77 };

/* --------------------------------------------------------- observations -- */

/* Print `name=value`. The value is formatted with printf; the result must be
 * one token (no blanks, not empty) and the name must match [a-z0-9_.]+ and
 * not repeat an earlier name in this process — otherwise the probe is broken
 * (exit 2), because the harness could not read it. */
void fsc_obs(const char *name, const char *fmt, ...) FSC_PRINTF(2, 3);
void fsc_obs_bool(const char *name, int value);   /* true / false */
void fsc_obs_int(const char *name, long long value);
/* A count whose size depends on scheduling (records lost, opens that missed a
 * name) as a class that does not: "none" for 0, else "some". */
void fsc_obs_some(const char *name, long long count);

/* Bytes as one token: [A-Za-z0-9] as they are, any other byte as %XX, at
 * most 64 bytes; "empty" for none. fsc_obs_file reports a file's first 64
 * bytes that way, read through the operations layer, or "unreadable" when
 * it cannot be opened or read; fsc_obs_read reports up to 64 bytes read from
 * `fd` at its position, or the read's error name. */
void fsc_obs_bytes(const char *name, const void *buf, size_t n);
void fsc_obs_file(const char *name, const char *path);

/* Result of an operations-layer call: `ok` when err == 0, else the backend's
 * name for the error (ENOENT, ERROR_SHARING_VIOLATION, ...). */
void fsc_obs_op(const char *name, int err);

/* Result of a native call that returns -1 and sets errno on failure:
 * `ok` when rc != -1, else the errno name. Returns rc. */
long fsc_obs_sys(const char *name, long rc);

/* errno name from the table: "ENOENT"; "errno_123" for a code not in it.
 * The returned pointer is to a static string or a thread-local buffer. */
const char *fsc_errno_name(int e);

/* The probe does not apply here: prints `skip=<reason>` and exits 77. The
 * reason is one token (use underscores). */
FSC_NORETURN void fsc_skip(const char *reason);

/* The probe itself broke (set-up failed, an invariant it relies on did not
 * hold): message on stderr, helpers killed, exit 2. Never use it to report the
 * behaviour under test. */
FSC_NORETURN void fsc_fail(const char *fmt, ...) FSC_PRINTF(1, 2);

/* Set-up checks: fail with file:line, the expression and the error its
 * evaluation left (the error is cleared first: an error left by an earlier
 * call is not named, so a failed comparison is "broken", never a refusal).
 * Where that error is a refusal (EPERM, ESPIPE, EOPNOTSUPP, ENOTSUP, ENOSYS:
 * the filesystem does not allow the set-up, e.g. rclone mount without a cache
 * refuses read-write opens), the probe skips instead (skip=setup_refused_EPERM;
 * the place on stderr): it cannot run there, it did not break. A helper that
 * skips makes its probe skip when the probe next waits for or hears from it. */
#define FSC_CHECK(expr)                                                       \
    ((fsc_clear_error(), (expr)) ? (void)0                                    \
                                 : fsc_fail_at(__FILE__, __LINE__, #expr, fsc_last_error()))
/* For operations-layer calls: `FSC_OK(fsc_op_close(fd))`. */
/* A set-up call the backend cannot do (FSC_UNSUPPORTED) makes the probe
 * skip (`skip=backend_unsupported`): it cannot run on that backend. */
#define FSC_OK(call)                                                          \
    do {                                                                      \
        int fsc_e_ = (call);                                                  \
        if (fsc_e_ == FSC_UNSUPPORTED) fsc_skip("backend_unsupported");       \
        if (fsc_e_) fsc_fail_at(__FILE__, __LINE__, #call, fsc_op_errname(fsc_e_)); \
    } while (0)
FSC_NORETURN void fsc_fail_at(const char *file, int line, const char *what,
                              const char *err);
/* The skip of a refused set-up: `what` and `err` on stderr, then
 * skip=setup_refused_<err>. For a refusal the set-up macros cannot see (an
 * open of a file being written that fails with ENOENT). */
FSC_NORETURN void fsc_skip_refused(const char *what, const char *err);
const char *fsc_last_error(void);   /* errno (or GetLastError) name, now */
void fsc_clear_error(void);          /* errno (and GetLastError) to 0 */

/* ------------------------------------------------------------- helpers ---- */

/* A helper is this executable re-run with a role; it shares the probe's
 * current directory and stdout (so it may print observations of its own) and
 * talks to the probe over two inherited pipes, one line per message.
 * Every wait below has a deadline (fsc_deadline_ms(): 5 s, or the environment
 * variable FSC_DEADLINE_MS): when it passes, the probe is broken (exit 2). Helpers are killed when the probe ends, fails, or
 * is killed (process group, parent-death signal, and EOF on the pipe). */
typedef struct fsc_helper fsc_helper;
int fsc_deadline_ms(void);

enum {
    FSC_SPAWN_EXEC = 0,  /* re-execute the program (portable) */
    FSC_SPAWN_FORK = 1,  /* POSIX only: fork without exec, to observe what a
                            fork child shares (open file descriptions, locks);
                            fsc_spawn fails elsewhere */
    FSC_SPAWN_PEER = 4   /* or'ed with either: the helper starts in the peer
                            sandbox (fsc_peer_sandbox), a second client's view
                            of this sandbox; skips `no_second_mount` when the
                            run has none */
};
fsc_helper *fsc_spawn(const char *role, const char *arg, int how);
/* Two clients on one share: when the harness runs with a peer (`run --peer
 * DIR`, fsmatrix's second mount of a network export), the probe's sandbox is
 * also reachable as another directory: the same directory seen through a
 * second mount (another client of the same server, or a bind mount). The
 * harness passes its path in FSC_PEER_SANDBOX, has checked before the probe
 * starts that the sandbox is visible through it, and lets the probe (and its
 * helpers) write below it. fsc_peer_sandbox returns that path, or NULL when
 * the run has no peer; fsc_peer_require returns it or skips the probe
 * (`skip=no_second_mount`). A helper started with FSC_SPAWN_PEER works there:
 * its relative paths name the same files as the probe's, through the other
 * client, whose caches are its own. */
const char *fsc_peer_sandbox(void);
const char *fsc_peer_require(void);
/* Where what is measured is whether a change shows through the other
 * client's cache (there is no event to wait for): call check(ctx) until it
 * returns nonzero, about every 10 ms, for at most FSC_PEER_VISIBLE_MS (2 s).
 * Returns the class: "seen" (within the window) or "never" — never a time,
 * and not "at once" vs "later": a cache entry that expires after a fixed time
 * expires before or after the first look depending on how loaded the machine
 * is, so that distinction would not be stable. The window starts when the
 * helper looks, so a probe's helper should look once per message it waits
 * for (the probe's own waits have fsc_deadline_ms()). */
enum { FSC_PEER_VISIBLE_MS = 2000 };
const char *fsc_visible_within(int (*check)(void *ctx), void *ctx);
/* The set-up two-client probes share: the probe made a file through its own
 * mount (and closed it); what it measures needs that file seen through the
 * second client too, which is not a given there (a directory cache, a
 * write-back delay). fsc_spawn_peer starts helper `role` in the peer sandbox
 * (FSC_SPAWN_EXEC | FSC_SPAWN_PEER) and waits for its first word. That
 * helper's first call is fsc_peer_found(check, ctx), which polls check(ctx)
 * (fsc_peer_exists: the name exists here) as fsc_visible_within does, for
 * three fifths of fsc_deadline_ms() (3 s by default, so that the answer
 * comes within the probe's wait for it). Found: it tells the probe and
 * returns 1. Not: it reports `b_found=never` (an observation: the second
 * client did not show what the first made) and returns 0, and the helper
 * ends; fsc_spawn_peer then waits for it and returns NULL, and the probe
 * stops too, its other observations not made (a profile says "-"). */
fsc_helper *fsc_spawn_peer(const char *role);
int fsc_peer_found(int (*check)(void *ctx), void *ctx);
int fsc_peer_exists(void *path);
/* Where the behaviour under test is what a process API itself passes on
 * (_spawn's descriptors, CreateProcess handle lists), the probe starts its
 * own program with that API as `PROGRAM --fsc-role ROLE ARG`: the role runs
 * without the runtime's channel (fsc_send/fsc_recv(NULL) fail the helper),
 * and the probe waits for it and collects its report itself. */

/* Messages. In the probe, `h` is the helper; in a helper, pass NULL for the
 * probe that started it. */
void fsc_send(fsc_helper *h, const char *fmt, ...) FSC_PRINTF(2, 3);
/* Wait for the next line and return it (static buffer, newline stripped). */
const char *fsc_recv(fsc_helper *h);
/* Wait for the next line; it must equal `want`, else the probe is broken. */
void fsc_expect(fsc_helper *h, const char *want);
/* Wait for the helper to exit; returns its exit status, or -signal. */
int fsc_wait(fsc_helper *h);

/* POSIX only: replace this process's image with the same program in another
 * role, keeping open descriptors (and so fcntl locks) and the channel to the
 * probe. Returns an error (fsc_op_errname) only if exec failed. */
int fsc_reexec(const char *role, const char *arg);

/* Read or write one byte at `p` and report what happened: "ok", or the name
 * of the fault ("SIGBUS", "SIGSEGV", "EXCEPTION_IN_PAGE_ERROR", ...). */
const char *fsc_mem_read(const volatile char *p, char *out);
const char *fsc_mem_write(volatile char *p, char value);
/* A set-up access to a mapping: fsc_mem_ok("storing", fsc_mem_write(p, 'x')).
 * A fault the filesystem causes (SIGBUS, EXCEPTION_IN_PAGE_ERROR: it cannot
 * back the page) is a refused set-up (skip); any other fault breaks the probe. */
void fsc_mem_ok(const char *what, const char *fault);

/* ------------------------------------------------- file-operations layer -- */
/*
 * Portable probes go through these calls and never #ifdef. Each returns 0 on
 * success or the backend's error code, named by fsc_op_errname (and printed by
 * fsc_obs_op). What each call is on each backend is documented in that
 * backend's ops_*.c, call by call.
 */
typedef intptr_t fsc_fd;
#define FSC_NOFD ((fsc_fd)-1)

enum {
    /* access */
    FSC_READ = 1 << 0,
    FSC_WRITE = 1 << 1,
    FSC_RDWR = FSC_READ | FSC_WRITE,
    FSC_APPEND = 1 << 2,         /* every write goes to the end */
    /* creation */
    FSC_CREATE = 1 << 3,         /* create if missing */
    FSC_EXCL = 1 << 4,           /* with FSC_CREATE: fail if it exists */
    FSC_TRUNC = 1 << 5,          /* truncate an existing file */
    /* sharing: what other opens may do while this one is open (Win32 share
     * modes; POSIX has no such thing and ignores them). Always explicit. */
    FSC_SHARE_READ = 1 << 6,
    FSC_SHARE_WRITE = 1 << 7,
    FSC_SHARE_DELETE = 1 << 8,   /* delete and rename */
    FSC_SHARE_CRT = FSC_SHARE_READ | FSC_SHARE_WRITE, /* what fopen/_open use */
    FSC_SHARE_ALL = FSC_SHARE_CRT | FSC_SHARE_DELETE,
    /* inheritance by spawned processes; default: not inherited */
    FSC_INHERIT = 1 << 9,
    /* access beyond reading and writing (Win32 access rights; POSIX has no
     * such thing: there they open read-only) */
    FSC_DELETE = 1 << 10,        /* the right to delete or rename it */
    FSC_ATTRS = 1 << 11          /* without READ/WRITE: attributes only, no data */
};

/* The error a backend returns for what its library cannot express (a share
 * mode, a lock kind, an operation it has no function for): named
 * `unsupported`. Never a silent fall-back to native calls. */
#define FSC_UNSUPPORTED 0x7FFFFF01
const char *fsc_op_errname(int err);
/* The backend's name (`posix`, `win32`, `crt-glibc`, `libuv`, ...) and
 * *version its library's version ("" when it cannot tell): the platform
 * facts `backend` and `backend_version` (`--fsc-platform` prints them). */
const char *fsc_op_backend(const char **version);
void fsc_obs_read(const char *name, fsc_fd fd);   /* see fsc_obs_file */

int fsc_op_open(const char *path, int flags, fsc_fd *out);
int fsc_op_close(fsc_fd fd);
/* Transfers up to n bytes; *done gets the count (0 at end of file). */
int fsc_op_read(fsc_fd fd, void *buf, size_t n, size_t *done);
int fsc_op_write(fsc_fd fd, const void *buf, size_t n, size_t *done);
enum { FSC_SEEK_SET, FSC_SEEK_CUR, FSC_SEEK_END };
int fsc_op_seek(fsc_fd fd, long long off, int whence, long long *pos);
int fsc_op_truncate(fsc_fd fd, long long size);
/* Rename, replacing an existing destination. */
int fsc_op_rename(const char *from, const char *to);
int fsc_op_unlink(const char *path);
/* A second name (hard link) `to` for the existing file `from`. */
int fsc_op_link(const char *from, const char *to);
int fsc_op_mkdir(const char *path);
int fsc_op_rmdir(const char *path);
int fsc_op_chdir(const char *path);
/* Whether processes this one starts inherit `fd` (see FSC_INHERIT). */
int fsc_op_set_inherit(fsc_fd fd, int inherit);

/* Byte-range locks, never waiting: an exclusive (write) or shared (read)
 * lock on [off, off+len). */
enum { FSC_LOCK_SHARED = 0, FSC_LOCK_EXCL = 1 };
int fsc_op_lock(fsc_fd fd, long long off, long long len, int kind);
int fsc_op_unlock(fsc_fd fd, long long off, long long len);

enum { FSC_MAP_READ = 1, FSC_MAP_WRITE = 2, FSC_MAP_PRIVATE = 4 };
int fsc_op_map(fsc_fd fd, long long off, size_t len, int prot, void **addr);
int fsc_op_unmap(void *addr, size_t len);

typedef struct fsc_time {
    long long sec;   /* since 1970-01-01T00:00:00Z, may be negative */
    long nsec;       /* 0 .. 999999999 */
} fsc_time;
enum { FSC_TYPE_FILE, FSC_TYPE_DIR, FSC_TYPE_LINK, FSC_TYPE_OTHER };
typedef struct fsc_stat {
    unsigned long long dev, ino;   /* together: which file this is */
    int type;
    long long size;
    long long nlink;
    fsc_time atime, mtime, ctime;
} fsc_stat;
int fsc_op_stat(const char *path, fsc_stat *st);
int fsc_op_fstat(fsc_fd fd, fsc_stat *st);
/* The entries of directory `dir`, "." and ".." left out, in the order the
 * platform lists them: *count gets how many there are, names[] the first
 * `max` of them (UTF-8, at most FSC_NAME_MAX - 1 bytes; a longer name is
 * cut). With max 0, names may be NULL: only the count. */
enum { FSC_NAME_MAX = 256 };
int fsc_op_list(const char *dir, char (*names)[FSC_NAME_MAX], int max, int *count);
/* Make the file at `path` read-only (readonly != 0) or writable again, the
 * way the platform marks a file read-only: POSIX clears all three write
 * permission bits (mode & ~0222) or sets at least the owner's (| 0200),
 * other bits kept (chmod); Win32 sets or clears FILE_ATTRIBUTE_READONLY,
 * other attributes kept. What a read-only file then refuses (writing,
 * removing, renaming over it) is what probes ask. */
int fsc_op_set_readonly(const char *path, int readonly);
/* Set access and modification time; NULL leaves that time as it is. */
int fsc_op_set_times(const char *path, const fsc_time *atime,
                     const fsc_time *mtime);

/* Convenience for set-up: create `path` holding `text` (fails the probe on
 * error), and read a whole small file into a static buffer (NULL on error). */
void fsc_put(const char *path, const char *text);
const char *fsc_get(const char *path);


/* ------------------------------------------- timestamps per operation -- */
/*
 * Not part of the operations layer: scaffolding for probes that ask which of
 * a file's times an operation changes. The probe calls fsc_times_setup on
 * the files and directories it watches, does the operation, and reports
 * with fsc_obs_times: a change shows whatever the file system's time step,
 * and only classes are reported, never the clock.
 */

/* Wait until the clock file systems stamp times from has passed the end of
 * the time step `t` lies in: t itself when its fraction has no trailing
 * zeros, the next 10 ms when it is whole 10 ms (exFAT), the next second when
 * it has none (1-second times), so that a time stamped afterwards differs
 * from t. The clock is POSIX CLOCK_REALTIME_COARSE (never ahead of what
 * Linux file systems stamp; else CLOCK_REALTIME), Win32 the system time less
 * 20 ms (under Wine the host stamps from a coarse clock up to a tick behind
 * it), polled every millisecond. Bounded: at most the step (1 s) and a
 * tick; the probe is broken (exit 2) if it has not passed t within 3 s. */
void fsc_clock_pass(fsc_time t);

/* For each of the n paths (files or directories): set its access and
 * modification times to 2001-09-09T01:46:40Z — older than its change time,
 * so Linux's relatime rule lets any read update the access time, and what a
 * lookup reads shows the same way every run — and stat it into before[i];
 * then fsc_clock_pass the latest of all the times read. Skips
 * (`cannot_set_directory_times`) where a directory's times cannot be set;
 * fails the probe if anything else fails. */
void fsc_times_setup(int n, const char *const *paths, fsc_stat *before);

/* Stat `path` now and report `<prefix>atime`, `<prefix>mtime` and
 * `<prefix>ctime`, each `changed` or `unchanged` since `before`. */
void fsc_obs_times(const char *prefix, const char *path, const fsc_stat *before);
/* fsc_obs_times for each of the n paths, with "<path>." as the prefix (each
 * path must then be a valid observation name). */
void fsc_obs_times_each(int n, const char *const *paths, const fsc_stat *before);

#ifdef __cplusplus
}
#endif
#endif
