/*
 * fsc_posix.c — the probe runtime's platform part for POSIX systems:
 * processes (fork/exec of the program's own path), pipes with poll()
 * deadlines, helper clean-up, and fault-guarded memory access; and the
 * shared set-ups of native POSIX probes (fsc_posix.h).
 */
#define _GNU_SOURCE
#include "fsc_plat.h"
#include "fsc_posix.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define CHAN_ENV "FSC_CHANNEL"

static char self_path[PATH_MAX];

void fsc_plat_init(const char *argv0)
{
#ifdef __linux__
    ssize_t n = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
    if (n > 0) {
        self_path[n] = 0;
        return;
    }
#endif
    if (!realpath(argv0, self_path)) snprintf(self_path, sizeof self_path, "%s", argv0);
}

void fsc_plat_describe(void)
{
    struct utsname u;
    char os[sizeof u.sysname];
    size_t i;
    FSC_CHECK(uname(&u) == 0);
    for (i = 0; u.sysname[i] && i + 1 < sizeof os; i++) {
        char c = u.sysname[i];
        os[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    os[i] = 0;
    fsc_obs("os", "%s", os);
}

int fsc_plat_cwd_empty(void)
{
    DIR *d = opendir(".");
    struct dirent *e;
    int empty = 1;
    if (!d) return -1;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) empty = 0;
    closedir(d);
    return empty;
}

void fsc_plat_stdout(const char *buf, size_t n)
{
    /* One write(2) per observation: lines from a probe and its helpers never
     * interleave (n < PIPE_BUF), and nothing waits in a stdio buffer when a
     * process forks or dies. */
    while (n) {
        ssize_t w = write(STDOUT_FILENO, buf, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) exit(FSC_EXIT_BROKEN);
        buf += w;
        n -= (size_t)w;
    }
}

const char *fsc_plat_last_error(void) { return fsc_errno_name(errno); }

long long fsc_plat_stamp_clock_ns(void)
{
    struct timespec ts;
#ifdef CLOCK_REALTIME_COARSE
    clock_gettime(CLOCK_REALTIME_COARSE, &ts);
#else
    clock_gettime(CLOCK_REALTIME, &ts);
#endif
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void fsc_plat_pause(void)
{
    struct timespec tick = {0, 1000000};
    nanosleep(&tick, NULL);
}

long long fsc_plat_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In a new helper: die with the probe, and only then run the role. */
static void tie_to_parent(pid_t probe)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != probe) _exit(FSC_EXIT_BROKEN);
}

static int exec_role(int rd, int wr, const char *role, const char *arg)
{
    char env[64];
    char *argv[] = {self_path, "--fsc-role", (char *)role, (char *)arg, NULL};
    snprintf(env, sizeof env, "%d,%d", rd, wr);
    if (fcntl(rd, F_SETFD, 0) || fcntl(wr, F_SETFD, 0) || setenv(CHAN_ENV, env, 1))
        return errno;
    execv(self_path, argv);
    return errno;
}

/* pipe2(O_CLOEXEC) is not on macOS; probes are single-threaded, so setting
 * the flag afterwards races with nothing. */
static int cloexec_pipe(int p[2])
{
    if (pipe(p)) return -1;
    if (fcntl(p[0], F_SETFD, FD_CLOEXEC) == 0 && fcntl(p[1], F_SETFD, FD_CLOEXEC) == 0)
        return 0;
    int e = errno;
    close(p[0]);
    close(p[1]);
    errno = e;
    return -1;
}

int fsc_plat_spawn(fsc_helper *h, const char *role, const char *arg, int how,
                   const char *dir)
{
    int down[2], up[2];   /* probe -> helper, helper -> probe */
    pid_t probe = getpid();
    if (cloexec_pipe(down)) return errno;
    if (cloexec_pipe(up)) {
        int e = errno;
        close(down[0]);
        close(down[1]);
        return e;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(down[0]), close(down[1]), close(up[0]), close(up[1]);
        return e;
    }
    if (pid == 0) {
        close(down[1]);
        close(up[0]);
        tie_to_parent(probe);
        if (dir && chdir(dir)) {
            fprintf(stderr, "fsconform: chdir %s: %s\n", dir, fsc_errno_name(errno));
            _exit(FSC_EXIT_BROKEN);
        }
        if (how == FSC_SPAWN_FORK) {
            fsc_helper to_probe = {.rd = down[0], .wr = up[1]};
            fsc_core_run_role(&to_probe, role, arg);
        }
        int e = exec_role(down[0], up[1], role, arg);
        fprintf(stderr, "fsconform: exec %s: %s\n", self_path, fsc_errno_name(e));
        _exit(FSC_EXIT_BROKEN);
    }
    close(down[0]);
    close(up[1]);
    h->rd = up[0];
    h->wr = down[1];
    h->proc = pid;
    return 0;
}

int fsc_plat_parent(fsc_helper *h)
{
    const char *env = getenv(CHAN_ENV);
    int rd, wr;
    if (!env || sscanf(env, "%d,%d", &rd, &wr) != 2) return -1;
    unsetenv(CHAN_ENV);
    /* Not inherited by anything this helper starts. */
    if (fcntl(rd, F_SETFD, FD_CLOEXEC) || fcntl(wr, F_SETFD, FD_CLOEXEC)) return -1;
    h->rd = rd;
    h->wr = wr;
    return 0;
}

int fsc_plat_read_byte(intptr_t rd, char *c, int timeout_ms)
{
    long long deadline = fsc_plat_now_ms() + timeout_ms;
    for (;;) {
        struct pollfd p = {.fd = (int)rd, .events = POLLIN};
        long long left = deadline - fsc_plat_now_ms();
        int r = poll(&p, 1, left > 0 ? (int)left : 0);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return -2;
        if (r == 0) return -1;
        ssize_t n = read((int)rd, c, 1);
        if (n < 0 && errno == EINTR) continue;
        return n < 0 ? -2 : (int)n;
    }
}

int fsc_plat_write(intptr_t wr, const char *buf, size_t n)
{
    while (n) {
        ssize_t w = write((int)wr, buf, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

void fsc_plat_reap(fsc_helper *h)
{
    int st;
    pid_t r;
    while ((r = waitpid((pid_t)h->proc, &st, 0)) < 0 && errno == EINTR)
        ;
    h->status = r < 0 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
    h->done = 1;
    close((int)h->rd);
    close((int)h->wr);
}

void fsc_plat_kill(fsc_helper *h) { kill((pid_t)h->proc, SIGKILL); }

int fsc_plat_reexec(const fsc_helper *parent, const char *role, const char *arg)
{
    fflush(NULL);
    return exec_role((int)parent->rd, (int)parent->wr, role, arg);
}

/* ------------------------------------------------- guarded memory access -- */

static sigjmp_buf fault_jump;

static void on_fault(int sig) { siglongjmp(fault_jump, sig); }

static const char *guarded(volatile char *p, char *out, int write, char value)
{
    struct sigaction sa = {0}, old_bus, old_segv;
    const char *result = "ok";
    sa.sa_handler = on_fault;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, &old_bus);
    sigaction(SIGSEGV, &sa, &old_segv);
    int sig = sigsetjmp(fault_jump, 1);
    if (sig == 0) {
        if (write)
            *p = value;
        else
            *out = *p;
    } else {
        result = sig == SIGBUS ? "SIGBUS" : "SIGSEGV";
    }
    sigaction(SIGBUS, &old_bus, NULL);
    sigaction(SIGSEGV, &old_segv, NULL);
    return result;
}

const char *fsc_mem_read(const volatile char *p, char *out)
{
    return guarded((volatile char *)p, out, 0, 0);
}

const char *fsc_mem_write(volatile char *p, char value) { return guarded(p, NULL, 1, value); }

/* ------------------------------------------- native probes' set-ups ---- */

char *fsc_map_shared(const char *path, size_t size, int *fd)
{
    char *text = malloc(size + 1);
    FSC_CHECK(text != NULL);
    memset(text, 'a', size);
    text[size] = 0;
    fsc_put(path, text);
    free(text);
    FSC_CHECK((*fd = open(path, O_RDWR)) >= 0);
    char *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, *fd, 0);
    FSC_CHECK(m != MAP_FAILED);
    return m;
}

struct flock fsc_getlk(int fd, off_t start, off_t len)
{
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    FSC_CHECK(fcntl(fd, F_GETLK, &fl) == 0);
    return fl;
}

const char *fsc_try_flock(int fd, int op)
{
    if (flock(fd, op | LOCK_NB) == 0) return "granted";
    return errno == EWOULDBLOCK ? "refused" : fsc_errno_name(errno);
}

const char *fsc_lock_type_name(short type)
{
    return type == F_WRLCK   ? "F_WRLCK"
           : type == F_RDLCK ? "F_RDLCK"
           : type == F_UNLCK ? "F_UNLCK"
                             : "other";
}

void fsc_obs_lock_range(const char *name, const struct flock *fl)
{
    if (fl->l_type == F_UNLCK)
        fsc_obs(name, "free");
    else
        fsc_obs(name, "%lld_%lld", (long long)fl->l_start,
                (long long)(fl->l_start + fl->l_len - 1));
}

void fsc_lock_matrix_start(fsc_lock_matrix *m, fsc_lock_ask_fn ask)
{
    m->ask = ask;
    FSC_CHECK((m->fd[0] = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK((m->fd[1] = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    m->helper = fsc_spawn("asker", NULL, FSC_SPAWN_EXEC);
    fsc_expect(m->helper, "ready");
}

const char *fsc_lock_matrix_ask(fsc_lock_matrix *m, int who, const char *fmt, ...)
{
    char request[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(request, sizeof request, fmt, ap);
    va_end(ap);
    FSC_CHECK(n >= 0 && n < (int)sizeof request && who >= 0 && who <= 2);
    if (who < 2) return m->ask(m->fd[who], request);
    fsc_send(m->helper, "ask %s", request);
    return fsc_recv(m->helper);
}

void fsc_lock_matrix_end(fsc_lock_matrix *m)
{
    fsc_send(m->helper, "end");
    FSC_CHECK(fsc_wait(m->helper) == 0);
    FSC_CHECK(close(m->fd[0]) == 0 && close(m->fd[1]) == 0);
}

int fsc_lock_asker(fsc_lock_ask_fn ask)
{
    const char *msg;
    int fd;
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_send(NULL, "ready");
    while (strncmp(msg = fsc_recv(NULL), "ask ", 4) == 0) fsc_send(NULL, "%s", ask(fd, msg + 4));
    FSC_CHECK(close(fd) == 0);
    return 0;
}
