/*
 * fsc-sentinel — the harness runs every probe on Linux through this program, so
 * that whatever the probe starts ends with its run and it writes only in its sandbox.
 *
 *   fsc-sentinel HARNESS_PID STATUS_FD [-w DIR]... -- PROGRAM [ARGS...]
 *
 * It makes itself a child subreaper (orphans of the probe, daemons included,
 * become its children), asks for SIGTERM when the harness dies, and, when one or
 * more -w DIR are given, applies Landlock: below DIR (the sandbox) anything, and
 * elsewhere nothing but writing /dev/null. It then starts PROGRAM in a session of
 * its own with the sentinel's stdin/stdout/stderr (the harness's pipes) untouched.
 * When PROGRAM ends, descendants get a short grace to end too; any still running
 * then are survivors: reported, killed and reaped. SIGTERM, SIGHUP or SIGINT (the
 * harness's timeout or interrupt, or the harness's death) kill every descendant.
 *
 * What happened goes to STATUS_FD (a pipe from the harness; never the probe's
 * output), one `key=value` line each:
 *   landlock=N | landlock=unsupported    ABI applied, or the kernel has none
 *   exit=N | signal=N                    how PROGRAM ended
 *   survivor=PID COMMAND                 still running after the grace; killed
 *   survivors_unnamed=N                  more of them than the first ten named
 *   unreaped=PID                         not gone by the deadline (stuck in D state)
 *   error=TEXT                           the sentinel could not do its job (exit 125)
 * Every wait is bounded: sigtimedwait() on SIGCHLD with a deadline, never sleep.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

enum { GRACE_MS = 1000, KILL_MS = 5000, SLICE_MS = 20, MAX_PROCS = 4096, MAX_DIRS = 8,
       MAX_NAMED = 10 };

static int status_fd = -1;

static void report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdprintf(status_fd, fmt, ap);
    va_end(ap);
}

static void fail(const char *what)
{
    report("error=%s: %s\n", what, strerror(errno));
    _exit(125);
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* ------------------------------------------------------------- Landlock -- */

static int landlock(char **dirs, int ndirs)
{
    int abi = (int)syscall(__NR_landlock_create_ruleset, NULL, 0,
                           LANDLOCK_CREATE_RULESET_VERSION);
    if (abi < 0) {
        if (errno != ENOSYS && errno != EOPNOTSUPP)
            fail("landlock_create_ruleset");
        report("landlock=unsupported\n");
        return 0;
    }
    struct landlock_ruleset_attr attr = {
        .handled_access_fs = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
            LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
            LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
            LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
            LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM,
    };
    if (abi >= 2)
        attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3)
        attr.handled_access_fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
    int rs = (int)syscall(__NR_landlock_create_ruleset, &attr, sizeof attr, 0);
    if (rs < 0)
        fail("landlock_create_ruleset");
    struct landlock_path_beneath_attr rule = {.allowed_access = attr.handled_access_fs};
    for (int i = 0; i < ndirs; i++) {
        rule.parent_fd = open(dirs[i], O_PATH | O_CLOEXEC | O_DIRECTORY);
        if (rule.parent_fd < 0)
            fail(dirs[i]);
        if (syscall(__NR_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0))
            fail("landlock_add_rule");
        close(rule.parent_fd);
    }
    rule.allowed_access = attr.handled_access_fs &
        (LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_TRUNCATE);
    rule.parent_fd = open("/dev/null", O_PATH | O_CLOEXEC);
    if (rule.parent_fd < 0 ||
        syscall(__NR_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0))
        fail("/dev/null");
    close(rule.parent_fd);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || syscall(__NR_landlock_restrict_self, rs, 0))
        fail("landlock_restrict_self");
    close(rs);
    report("landlock=%d\n", abi);
    return abi;
}

/* ---------------------------------------------------------- descendants -- */

/* Fills pids with every living descendant of this process (a /proc scan: the
 * kernel here has no /proc/PID/task/TID/children); returns how many. */
static int descendants(pid_t *pids)
{
    static pid_t pid[MAX_PROCS], ppid[MAX_PROCS];
    int n = 0, found = 0;
    DIR *d = opendir("/proc");
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < MAX_PROCS) {
        if (!isdigit((unsigned char)e->d_name[0]))
            continue;
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ssize_t len = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (len <= 0)
            continue;
        buf[len] = 0;
        char *close_paren = strrchr(buf, ')'), state;
        int parent;
        if (!close_paren || sscanf(close_paren + 1, " %c %d", &state, &parent) != 2 ||
            state == 'Z' || state == 'X')
            continue;
        pid[n] = atoi(e->d_name);
        ppid[n++] = parent;
    }
    closedir(d);
    pid_t self = getpid();
    for (int j = 0; j < n; j++)
        if (ppid[j] == self)
            pids[found++] = pid[j];
    for (int i = 0; i < found; i++)   /* breadth first: children of those found */
        for (int j = 0; j < n && found < MAX_PROCS; j++)
            if (ppid[j] == pids[i])
                pids[found++] = pid[j];
    return found;
}

static void describe(pid_t p)
{
    char path[64], cmd[128] = "";
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)p);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t len = fd < 0 ? -1 : read(fd, cmd, sizeof cmd - 1);
    if (fd >= 0)
        close(fd);
    for (ssize_t i = 0; i < len; i++)
        if (cmd[i] == 0 || cmd[i] == '\n')
            cmd[i] = ' ';
    cmd[len > 0 ? len : 0] = 0;
    report("survivor=%d %s\n", (int)p, len > 0 ? cmd : "?");
}

/* ------------------------------------------------------------- the run -- */

static pid_t probe = -1;
static int probe_status = -1;

/* Reaps every child that has ended; returns 1 if children remain, 0 on ECHILD. */
static int reap(void)
{
    for (;;) {
        int st;
        pid_t p = waitpid(-1, &st, WNOHANG);
        if (p > 0) {
            if (p == probe)
                probe_status = st;
            continue;
        }
        return !(p < 0 && errno == ECHILD);
    }
}

/* Waits for SIGCHLD or a stop signal until deadline_ms; returns the signal or 0. */
static int wait_signal(const sigset_t *set, long long deadline_ms)
{
    long long left = deadline_ms - now_ms();
    if (left <= 0)
        return 0;
    struct timespec t = {left / 1000, (left % 1000) * 1000000};
    int sig = sigtimedwait(set, NULL, &t);
    return sig < 0 ? 0 : sig;
}

static void kill_all(const sigset_t *set)
{
    static pid_t pids[MAX_PROCS];
    long long deadline = now_ms() + KILL_MS;
    while (reap()) {
        int n = descendants(pids);
        for (int i = 0; i < n; i++)
            kill(pids[i], SIGKILL);
        if (now_ms() >= deadline) {
            for (int i = 0; i < n; i++)
                report("unreaped=%d\n", (int)pids[i]);
            return;
        }
        /* a slice, not the deadline: a child forked before the kill is found by
         * the next scan, though its ending would send us no SIGCHLD */
        long long slice = now_ms() + SLICE_MS;
        wait_signal(set, slice < deadline ? slice : deadline);
    }
}

int main(int argc, char **argv)
{
    char *dirs[MAX_DIRS];
    int ndirs = 0, i = 3;
    if (argc < 5)
        return 125;
    pid_t harness = (pid_t)atoi(argv[1]);
    status_fd = atoi(argv[2]);
    if (fcntl(status_fd, F_SETFD, FD_CLOEXEC))
        return 125;
    for (; i + 1 < argc && strcmp(argv[i], "-w") == 0 && ndirs < MAX_DIRS; i += 2)
        dirs[ndirs++] = argv[i + 1];
    if (i + 1 >= argc || strcmp(argv[i], "--") != 0) {
        report("error=usage: fsc-sentinel HARNESS_PID STATUS_FD [-w DIR]... -- PROGRAM\n");
        return 125;
    }
    char **prog = argv + i + 1;

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, &old);
    if (prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0) || prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0))
        fail("prctl");
    if (getppid() != harness) {
        report("error=the harness (pid %d) is gone\n", (int)harness);
        return 125;
    }
    signal(SIGPIPE, SIG_IGN);   /* a status nobody reads must not stop the killing */
    if (ndirs)
        landlock(dirs, ndirs);

    /* vfork: cheaper than fork. Not posix_spawn: glibc's leaves its own signals 32
     * and 33 ignored in the child, and the probe should get what a shell would give. */
    probe = vfork();
    if (probe < 0)
        fail("vfork");
    if (probe == 0) {
        signal(SIGPIPE, SIG_DFL);
        sigprocmask(SIG_SETMASK, &old, NULL);
        setsid();
        execvp(prog[0], prog);
        report("error=cannot run %s: %s\n", prog[0], strerror(errno));
        _exit(127);
    }

    int stopped = 0;
    while (probe_status < 0 && !stopped) {   /* the harness's timeout bounds this */
        int sig = sigwaitinfo(&set, NULL);
        if (sig == SIGCHLD)
            reap();
        else if (sig > 0)
            stopped = 1;
    }
    if (!stopped) {   /* the probe ended: a grace for what it leaves ending too */
        long long grace = now_ms() + GRACE_MS;
        int left = reap(), sig = SIGCHLD;
        while (left && sig == SIGCHLD) {
            sig = wait_signal(&set, grace);
            left = reap();
        }
        if (left && !sig) {
            static pid_t pids[MAX_PROCS];
            int n = descendants(pids);
            for (int k = 0; k < n && k < MAX_NAMED; k++)
                describe(pids[k]);
            if (n > MAX_NAMED)
                report("survivors_unnamed=%d\n", n - MAX_NAMED);
        }
    }
    kill_all(&set);
    if (probe_status >= 0 && WIFEXITED(probe_status))
        report("exit=%d\n", WEXITSTATUS(probe_status));
    else if (probe_status >= 0 && WIFSIGNALED(probe_status))
        report("signal=%d\n", WTERMSIG(probe_status));
    return 0;
}
