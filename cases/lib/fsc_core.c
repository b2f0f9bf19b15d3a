/*
 * fsc_core.c — the portable part of the probe runtime: observation output,
 * the sandbox check, helper bookkeeping and messages. Platform specifics are
 * behind fsc_plat.h; file operations behind the backend (ops_*.c).
 */
#include "fsc_plat.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_HELPERS = 16, MAX_NAMES = 256, NAME_MAX_LEN = 64, LINE_MAX_LEN = 256 };

static fsc_helper helpers[MAX_HELPERS];
static int nhelpers;
static fsc_helper parent;        /* in a helper: the channel to the probe */
static int have_parent;
static const fsc_role *role_table;
static char names[MAX_NAMES][NAME_MAX_LEN];
static int nnames;

/* ------------------------------------------------------------ endings ---- */

static void kill_helpers(void)
{
    for (int i = 0; i < nhelpers; i++)
        if (!helpers[i].done) {
            fsc_plat_kill(&helpers[i]);
            fsc_plat_reap(&helpers[i]);
        }
    nhelpers = 0;
}

static FSC_NORETURN void end(int status)
{
    kill_helpers();
    exit(status);
}

static FSC_NORETURN void vfail(const char *fmt, va_list ap)
{
    fputs("fsconform probe broken: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    fflush(stderr);
    end(FSC_EXIT_BROKEN);
}

void fsc_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(fmt, ap);
}

/* Errors with which a filesystem or backend says "not here": an operation it
 * does not allow or cannot do (rclone without a cache refuses a read-write open
 * at the first read, write or close with EPERM, and pwrite with ESPIPE). */
static int refusal(const char *err)
{
    static const char *const refused[] = {"EPERM", "ESPIPE", "EOPNOTSUPP", "ENOTSUP",
                                          "ENOSYS"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        if (!strcmp(err, refused[i])) return 1;
    return 0;
}

void fsc_skip_refused(const char *what, const char *err)
{
    char reason[NAME_MAX_LEN];
    fprintf(stderr, "fsconform: set-up refused: %s (%s)\n", what, err);
    snprintf(reason, sizeof reason, "setup_refused_%s", err);
    fsc_skip(reason);
}

void fsc_fail_at(const char *file, int line, const char *what, const char *err)
{
    char where[LINE_MAX_LEN];
    const char *base = strrchr(file, '/');
    snprintf(where, sizeof where, "%s:%d: %s", base ? base + 1 : file, line, what);
    if (refusal(err)) fsc_skip_refused(where, err);
    fsc_fail("%s (%s)", where, err);
}

void fsc_mem_ok(const char *what, const char *fault)
{
    if (!strcmp(fault, "ok")) return;
    if (!strcmp(fault, "SIGBUS") || !strcmp(fault, "EXCEPTION_IN_PAGE_ERROR"))
        fsc_skip_refused(what, fault);
    fsc_fail("%s: %s", what, fault);
}

const char *fsc_last_error(void) { return fsc_plat_last_error(); }

void fsc_clear_error(void) { fsc_plat_clear_error(); }

/* ------------------------------------------------------- observations ---- */

static int valid_name(const char *s)
{
    if (!*s || strlen(s) >= NAME_MAX_LEN) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' ||
              *s == '.'))
            return 0;
    return 1;
}

static int valid_value(const char *s)
{
    /* "*" and "-" are what profiles use for "any value" and "not reported" */
    if (!*s || !strcmp(s, "*") || !strcmp(s, "-")) return 0;
    for (; *s; s++)
        if ((unsigned char)*s <= ' ' || *s == 0x7f) return 0;
    return 1;
}

static void emit(const char *name, const char *value)
{
    char line[LINE_MAX_LEN];
    if (!valid_name(name)) fsc_fail("observation name \"%s\" is not [a-z0-9_.]+", name);
    if (!valid_value(value))
        fsc_fail("observation %s: value \"%s\" is not one token", name, value);
    for (int i = 0; i < nnames; i++)
        if (!strcmp(names[i], name)) fsc_fail("observation %s reported twice", name);
    if (nnames == MAX_NAMES) fsc_fail("more than %d observations", MAX_NAMES);
    strcpy(names[nnames++], name);
    int n = snprintf(line, sizeof line, "%s=%s\n", name, value);
    if (n < 0 || n >= (int)sizeof line) fsc_fail("observation %s too long", name);
    fsc_plat_stdout(line, (size_t)n);
}

void fsc_obs(const char *name, const char *fmt, ...)
{
    char value[LINE_MAX_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    emit(name, value);
}

void fsc_obs_bool(const char *name, int value) { emit(name, value ? "true" : "false"); }

void fsc_obs_int(const char *name, long long value) { fsc_obs(name, "%lld", value); }

void fsc_obs_some(const char *name, long long count)
{
    fsc_obs(name, "%s", count ? "some" : "none");
}

void fsc_obs_bytes(const char *name, const void *buf, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *b = buf;
    char tok[3 * 64 + 1] = "empty";
    size_t k = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        unsigned c = b[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            tok[k++] = (char)c;
        } else {
            tok[k++] = '%';
            tok[k++] = hex[c >> 4];
            tok[k++] = hex[c & 15];
        }
    }
    if (k) tok[k] = 0;
    emit(name, tok);
}

void fsc_obs_read(const char *name, fsc_fd fd)
{
    unsigned char buf[64];
    size_t n;
    int err = fsc_op_read(fd, buf, sizeof buf, &n);
    if (err) emit(name, fsc_op_errname(err));
    else fsc_obs_bytes(name, buf, n);
}

void fsc_obs_file(const char *name, const char *path)
{
    fsc_fd fd;
    if (fsc_op_open(path, FSC_READ | FSC_SHARE_ALL, &fd)) {
        emit(name, "unreadable");
        return;
    }
    unsigned char buf[64];
    size_t n;
    int err = fsc_op_read(fd, buf, sizeof buf, &n);
    FSC_OK(fsc_op_close(fd));
    if (err) emit(name, "unreadable");
    else fsc_obs_bytes(name, buf, n);
}

void fsc_obs_op(const char *name, int err) { emit(name, err ? fsc_op_errname(err) : "ok"); }

long fsc_obs_sys(const char *name, long rc)
{
    /* errno by contract, also where the platform's own error is another
     * (the C runtime on Windows: GetLastError) */
    emit(name, rc == -1 ? fsc_errno_name(errno) : "ok");
    return rc;
}

void fsc_skip(const char *reason)
{
    emit("skip", reason);
    end(FSC_EXIT_SKIP);
}

/* ------------------------------------------------------------ helpers ---- */

fsc_helper *fsc_spawn(const char *role, const char *arg, int how)
{
    if (nhelpers == MAX_HELPERS) fsc_fail("more than %d helpers", MAX_HELPERS);
    fsc_helper *h = &helpers[nhelpers];
    memset(h, 0, sizeof *h);
    const char *dir = how & FSC_SPAWN_PEER ? fsc_peer_require() : NULL;
    int err = fsc_plat_spawn(h, role, arg ? arg : "", how & ~FSC_SPAWN_PEER, dir);
    if (err) fsc_fail("cannot start helper %s: %s", role, fsc_op_errname(err));
    nhelpers++;
    return h;
}

const char *fsc_peer_sandbox(void)
{
    const char *dir = getenv("FSC_PEER_SANDBOX");
    return dir && *dir ? dir : NULL;
}

const char *fsc_peer_require(void)
{
    const char *dir = fsc_peer_sandbox();
    if (!dir) fsc_skip("no_second_mount");
    return dir;
}

/* check(ctx) about every 10 ms until it returns nonzero (1) or ms have passed (0). */
static int poll_until(int (*check)(void *ctx), void *ctx, int ms)
{
    long long deadline = fsc_plat_now_ms() + ms;
    for (;;) {
        if (check(ctx)) return 1;
        if (fsc_plat_now_ms() >= deadline) return 0;
        for (int i = 0; i < 10; i++) fsc_plat_pause();
    }
}

const char *fsc_visible_within(int (*check)(void *ctx), void *ctx)
{
    return poll_until(check, ctx, FSC_PEER_VISIBLE_MS) ? "seen" : "never";
}

int fsc_peer_exists(void *path)
{
    fsc_stat st;
    return fsc_op_stat((const char *)path, &st) == 0;
}

int fsc_peer_found(int (*check)(void *ctx), void *ctx)
{
    int found = poll_until(check, ctx, fsc_deadline_ms() / 5 * 3);
    if (!found) fsc_obs("b_found", "never");
    fsc_send(NULL, "%s", found ? "found" : "missing");
    return found;
}

fsc_helper *fsc_spawn_peer(const char *role)
{
    fsc_helper *h = fsc_spawn(role, NULL, FSC_SPAWN_EXEC | FSC_SPAWN_PEER);
    const char *word = fsc_recv(h);
    if (!strcmp(word, "found")) return h;
    if (strcmp(word, "missing")) fsc_fail("helper %s said %s, not found or missing", role, word);
    if (fsc_wait(h) != 0) fsc_fail("helper %s failed after it found nothing", role);
    return NULL;
}

static fsc_helper *chan(fsc_helper *h)
{
    if (h) return h;
    if (!have_parent) fsc_fail("fsc_send/fsc_recv(NULL) outside a helper");
    return &parent;
}

void fsc_send(fsc_helper *h, const char *fmt, ...)
{
    char line[LINE_MAX_LEN];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    if (n < 0 || n >= (int)sizeof line - 1) fsc_fail("message too long");
    line[n++] = '\n';
    if (fsc_plat_write(chan(h)->wr, line, (size_t)n))
        fsc_fail("send \"%.*s\": %s", n - 1, line, fsc_plat_last_error());
}

int fsc_deadline_ms(void)
{
    const char *env = getenv("FSC_DEADLINE_MS");
    return env && atoi(env) > 0 ? atoi(env) : 5000;
}

/* A helper that skipped (its set-up was refused) has printed skip=<reason> on
 * the stdout it shares with the probe: the probe skips too, silently. */
static void skipped(const fsc_helper *h)
{
    if (h->status == FSC_EXIT_SKIP) end(FSC_EXIT_SKIP);
}

const char *fsc_recv(fsc_helper *h)
{
    static char line[LINE_MAX_LEN];
    long long deadline = fsc_plat_now_ms() + fsc_deadline_ms();
    size_t n = 0;
    h = chan(h);
    for (;;) {
        long long left = deadline - fsc_plat_now_ms();
        char c;
        int r = fsc_plat_read_byte(h->rd, &c, left > 0 ? (int)left : 0);
        if (r == -1) fsc_fail("no message within %d ms", fsc_deadline_ms());
        if (r == -2) fsc_fail("receive: %s", fsc_plat_last_error());
        if (r == 0) {
            /* The other side ended. A helper whose probe is gone ends too. */
            if (h == &parent) end(FSC_EXIT_BROKEN);
            fsc_plat_reap(h);
            skipped(h);
            fsc_fail("helper ended before sending a message");
        }
        if (c == '\n') break;
        if (n == sizeof line - 1) fsc_fail("message too long");
        line[n++] = c;
    }
    line[n] = 0;
    return line;
}

void fsc_expect(fsc_helper *h, const char *want)
{
    const char *got = fsc_recv(h);
    if (strcmp(got, want)) fsc_fail("expected message \"%s\", got \"%s\"", want, got);
}

int fsc_wait(fsc_helper *h)
{
    long long deadline = fsc_plat_now_ms() + fsc_deadline_ms();
    if (h->done) return h->status;
    /* Unread messages are dropped; the end of the channel is the end of the
     * helper (its end of the pipe is not inherited by anything else). */
    for (;;) {
        long long left = deadline - fsc_plat_now_ms();
        char c;
        int r = fsc_plat_read_byte(h->rd, &c, left > 0 ? (int)left : 0);
        if (r == -1) fsc_fail("helper did not end within %d ms", fsc_deadline_ms());
        if (r == 0 || r == -2) break;
    }
    fsc_plat_reap(h);
    skipped(h);
    return h->status;
}

int fsc_reexec(const char *role, const char *arg)
{
    if (!have_parent) fsc_fail("fsc_reexec outside a helper");
    return fsc_plat_reexec(&parent, role, arg ? arg : "");
}

/* --------------------------------------------------------------- files ---- */

void fsc_put(const char *path, const char *text)
{
    fsc_fd fd;
    size_t done;
    FSC_OK(fsc_op_open(path, FSC_WRITE | FSC_CREATE | FSC_TRUNC | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_write(fd, text, strlen(text), &done));
    if (done != strlen(text)) fsc_fail("short write to %s", path);
    FSC_OK(fsc_op_close(fd));
}

const char *fsc_get(const char *path)
{
    static char buf[4096];
    fsc_fd fd;
    size_t done;
    if (fsc_op_open(path, FSC_READ | FSC_SHARE_ALL, &fd)) return NULL;
    int err = fsc_op_read(fd, buf, sizeof buf - 1, &done);
    fsc_op_close(fd);
    if (err) return NULL;
    buf[done] = 0;
    return buf;
}

/* ------------------------------------------- timestamps per operation -- */

static long long ns_of(fsc_time t) { return t.sec * 1000000000LL + t.nsec; }

void fsc_clock_pass(fsc_time t)
{
    long long step = 1000000000LL;   /* the time step t shows: its trailing zeros */
    while (step > 1 && t.nsec % step) step /= 10;
    long long end = ns_of(t) - ns_of(t) % step + step;
    long long start = fsc_plat_now_ms();
    while (fsc_plat_stamp_clock_ns() < end) {
        if (fsc_plat_now_ms() - start > 3000)
            fsc_fail("the clock did not pass %lld.%09ld within 3 s", t.sec, t.nsec);
        fsc_plat_pause();
    }
}

void fsc_times_setup(int n, const char *const *paths, fsc_stat *before)
{
    fsc_time past = {1000000000, 0}, latest = {0, 0};
    for (int i = 0; i < n; i++) {
        FSC_OK(fsc_op_stat(paths[i], &before[i]));
        int e = fsc_op_set_times(paths[i], &past, &past);
        if (e && e != FSC_UNSUPPORTED && before[i].type == FSC_TYPE_DIR)
            fsc_skip("cannot_set_directory_times");
        FSC_OK(e);
        FSC_OK(fsc_op_stat(paths[i], &before[i]));
        const fsc_time *t[3] = {&before[i].atime, &before[i].mtime, &before[i].ctime};
        for (int k = 0; k < 3; k++)
            if (ns_of(*t[k]) > ns_of(latest)) latest = *t[k];
    }
    fsc_clock_pass(latest);
}

void fsc_obs_times(const char *prefix, const char *path, const fsc_stat *before)
{
    static const char *const which[3] = {"atime", "mtime", "ctime"};
    char name[NAME_MAX_LEN];
    fsc_stat now;
    FSC_OK(fsc_op_stat(path, &now));
    const fsc_time *was[3] = {&before->atime, &before->mtime, &before->ctime};
    const fsc_time *is[3] = {&now.atime, &now.mtime, &now.ctime};
    for (int k = 0; k < 3; k++) {
        snprintf(name, sizeof name, "%s%s", prefix, which[k]);
        emit(name, ns_of(*was[k]) == ns_of(*is[k]) ? "unchanged" : "changed");
    }
}

void fsc_obs_times_each(int n, const char *const *paths, const fsc_stat *before)
{
    char prefix[NAME_MAX_LEN];
    for (int i = 0; i < n; i++) {
        snprintf(prefix, sizeof prefix, "%s.", paths[i]);
        fsc_obs_times(prefix, paths[i], &before[i]);
    }
}

/* --------------------------------------------------------------- main ---- */

void fsc_core_run_role(const fsc_helper *to_probe, const char *role, const char *arg)
{
    if (to_probe) parent = *to_probe;
    have_parent = to_probe != NULL;
    nhelpers = 0;   /* a forked helper does not own the probe's helpers */
    for (const fsc_role *r = role_table; r && r->name; r++)
        if (!strcmp(r->name, role)) end(r->fn(arg));
    fsc_fail("unknown helper role %s", role);
}

int fsc_main(int argc, char **argv, void (*probe)(void), const fsc_role *roles)
{
    fsc_plat_init(argv[0]);
    role_table = roles;
    if (argc == 2 && !strcmp(argv[1], "--fsc-noop")) return 0;
    if (argc == 2 && !strcmp(argv[1], "--fsc-platform")) {
        const char *version;
        fsc_plat_describe();
        fsc_obs("backend", "%s", fsc_op_backend(&version));
        fsc_obs("backend_version", "%s", *version ? version : "none");
        return 0;
    }
    if (argc == 4 && !strcmp(argv[1], "--fsc-role")) {
        fsc_helper to_probe = {0};
        /* Without a channel: started by the probe through the platform's own
         * process API (see fsc_spawn in fsc.h); it cannot send or receive. */
        fsc_core_run_role(fsc_plat_parent(&to_probe) ? NULL : &to_probe, argv[2], argv[3]);
    }
    if (argc != 1) {
        fprintf(stderr,
                "usage: %s\n  run in an empty directory: prints name=value "
                "observations (normally run by `python3 -m harness`)\n",
                argv[0]);
        return FSC_EXIT_BROKEN;
    }
    int empty = fsc_plat_cwd_empty();
    if (empty < 0) fsc_fail("cannot list the current directory: %s", fsc_plat_last_error());
    if (!empty) fsc_fail("the current directory is not empty: run me in a fresh sandbox");
    probe();
    end(FSC_EXIT_DONE);
}
