/*
 * fsc-sentinel — the harness runs every probe on Linux through this program, so
 * that whatever the probe starts ends with its run and it writes only in its sandbox.
 *
 *   fsc-sentinel HARNESS_PID SOCKET_FD
 *
 * One sentinel serves one harness thread, one probe run at a time, over a
 * SOCK_SEQPACKET socket: a request is one message, `L` (Landlock) or `-` (none,
 * for probes that mount), the sandbox, the peer sandbox (the same directory
 * through a second mount; empty for none), the number of arguments, the
 * arguments and the environment, NUL-separated, with stdin, stdout and stderr passed as
 * SCM_RIGHTS; the reply is one message, the run's status. A message `K` during a
 * run kills it (the harness's timeout). Starting probes from here rather than
 * from Python spares the harness a fork of itself per probe.
 *
 * It is a child subreaper (orphans of the probe, daemons included, become its
 * children) and gets SIGTERM when the harness thread that started it ends. Each
 * probe runs in a session of its own, in its sandbox, with the passed descriptors
 * as they are, and, with `L`, under Landlock: below the sandbox (and the peer
 * sandbox) anything, elsewhere nothing but writing /dev/null. When the probe ends, its descendants get a short
 * grace to end too; any still running then are survivors: reported, killed and
 * reaped. SIGTERM, SIGHUP, SIGINT or the socket's end kill the run and end the
 * sentinel.
 *
 * The status, one `key=value` line each:
 *   landlock=N | landlock=unsupported    ABI applied, or the kernel has none
 *   exit=N | signal=N                    how the probe ended
 *   survivor=PID COMMAND                 still running after the grace; killed
 *   survivors_unnamed=N                  more of them than the first ten named
 *   unreaped=PID                         not gone by the deadline (stuck in D state)
 *   error=TEXT                           the probe could not be started as asked
 * Every wait is bounded, by a deadline or by the harness; nothing sleeps.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

enum { GRACE_MS = 1000, KILL_MS = 5000, SLICE_MS = 20, MAX_PROCS = 4096, MAX_NAMED = 10,
       MAX_REQUEST = 256 * 1024, MAX_ARGS = 4096, MAX_STATUS = 8192 };

static int sock = -1, sigfd = -1, landlock_abi;
static char status[MAX_STATUS];
static size_t status_len;

static void report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(status + status_len, sizeof status - status_len, fmt, ap);
    va_end(ap);
    if (n > 0)
        status_len += (size_t)n < sizeof status - status_len ? (size_t)n
                                                             : sizeof status - status_len - 1;
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* ------------------------------------------------------------- Landlock -- */

/* In the probe's child: confine writes to `dir`. Returns "" or what failed. */
static const char *landlock(const char *dir, const char *peer)
{
    struct landlock_ruleset_attr attr = {
        .handled_access_fs = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
            LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
            LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
            LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
            LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM,
    };
    if (landlock_abi >= 2)
        attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
    if (landlock_abi >= 3)
        attr.handled_access_fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
    int rs = (int)syscall(__NR_landlock_create_ruleset, &attr, sizeof attr, 0);
    if (rs < 0)
        return "landlock_create_ruleset";
    struct landlock_path_beneath_attr rule = {.allowed_access = attr.handled_access_fs};
    rule.parent_fd = open(dir, O_PATH | O_CLOEXEC | O_DIRECTORY);
    if (rule.parent_fd < 0 ||
        syscall(__NR_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0))
        return "the sandbox";
    close(rule.parent_fd);
    if (*peer) {
        rule.parent_fd = open(peer, O_PATH | O_CLOEXEC | O_DIRECTORY);
        if (rule.parent_fd < 0 ||
            syscall(__NR_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0))
            return "the peer sandbox";
        close(rule.parent_fd);
    }
    rule.allowed_access = attr.handled_access_fs &
        (LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_TRUNCATE);
    rule.parent_fd = open("/dev/null", O_PATH | O_CLOEXEC);
    if (rule.parent_fd < 0 ||
        syscall(__NR_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0))
        return "/dev/null";
    close(rule.parent_fd);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || syscall(__NR_landlock_restrict_self, rs, 0))
        return "landlock_restrict_self";
    close(rs);
    return "";
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
static int ending;   /* asked to end: SIGTERM/SIGHUP/SIGINT, or the socket closed */

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

/* Waits until deadline_ms (-1: no deadline) for a signal or a message; returns
 * 'C' (a child ended), 'K' (kill the run: a message, a stop signal, the socket's
 * end), or 0 (the deadline). */
static int wait_event(long long deadline_ms)
{
    for (;;) {
        long long left = deadline_ms < 0 ? -1 : deadline_ms - now_ms();
        if (deadline_ms >= 0 && left <= 0)
            return 0;
        struct pollfd p[2] = {{sigfd, POLLIN, 0}, {sock, POLLIN, 0}};
        if (poll(p, 2, (int)left) < 0)
            continue;
        if (p[0].revents) {
            struct signalfd_siginfo si;
            if (read(sigfd, &si, sizeof si) == sizeof si && si.ssi_signo != SIGCHLD)
                ending = 1;
            return ending ? 'K' : 'C';
        }
        if (p[1].revents) {
            char c;
            if (recv(sock, &c, 1, 0) <= 0)
                ending = 1;
            return 'K';
        }
    }
}

static void kill_all(void)
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
        if (wait_event(slice < deadline ? slice : deadline) == 'K' && ending)
            continue;
    }
}

/* In the child: the probe's process, as the request says. */
static void start(int errpipe, const sigset_t *old, int *fds, int confine, char *sandbox,
                  char *peer, char **args, char **env)
{
    for (int i = 0; i < 3; i++)
        if (dup2(fds[i], i) < 0)
            _exit(125);
    const char *failed = "";
    if (chdir(sandbox))
        failed = "chdir to the sandbox";
    else if (confine && landlock_abi > 0)
        failed = landlock(sandbox, peer);
    if (!*failed) {
        setsid();
        signal(SIGPIPE, SIG_DFL);
        sigprocmask(SIG_SETMASK, old, NULL);
        execve(args[0], args, env);
        dprintf(errpipe, "error=cannot run %s: %s\n", args[0], strerror(errno));
        _exit(127);
    }
    dprintf(errpipe, "error=%s: %s\n", failed, strerror(errno));
    _exit(125);
}

/* One request: run it, and reply with its status. */
static void serve(char *req, size_t len, int *fds, const sigset_t *old)
{
    static char *args[MAX_ARGS + 1], *env[MAX_ARGS + 1];
    enum { HEAD = 4 };   /* mode, sandbox, peer sandbox, number of arguments */
    char *field[2 * MAX_ARGS + HEAD];
    int nf = 0;
    for (char *p = req; p < req + len && nf < 2 * MAX_ARGS + HEAD; p += strlen(p) + 1)
        field[nf++] = p;
    int nargs = nf >= HEAD ? atoi(field[HEAD - 1]) : 0;
    status_len = 0;
    status[0] = 0;
    if (nargs < 1 || nargs > MAX_ARGS || nf < HEAD + nargs || nf - HEAD - nargs > MAX_ARGS) {
        report("error=a malformed request\n");
        goto reply;
    }
    memcpy(args, field + HEAD, (size_t)nargs * sizeof *args);
    args[nargs] = NULL;
    memcpy(env, field + HEAD + nargs, (size_t)(nf - HEAD - nargs) * sizeof *env);
    env[nf - HEAD - nargs] = NULL;
    int confine = field[0][0] == 'L';
    if (confine && landlock_abi > 0)
        report("landlock=%d\n", landlock_abi);
    else if (confine)
        report("landlock=unsupported\n");

    int errpipe[2];
    if (pipe2(errpipe, O_CLOEXEC)) {
        report("error=pipe: %s\n", strerror(errno));
        goto reply;
    }
    probe_status = -1;
    probe = fork();
    if (probe == 0)
        start(errpipe[1], old, fds, confine, field[1], field[2], args, env);
    close(errpipe[1]);
    for (int i = 0; i < 3; i++) {   /* the probe's now: EOF when it and its own end */
        close(fds[i]);
        fds[i] = -1;
    }
    if (probe < 0) {
        report("error=fork: %s\n", strerror(errno));
        close(errpipe[0]);
        goto reply;
    }
    char why[512];
    ssize_t n = read(errpipe[0], why, sizeof why - 1);   /* ends at the exec */
    close(errpipe[0]);
    if (n > 0) {
        why[n] = 0;
        report("%s", why);
    }

    int killed = 0;
    while (probe_status < 0 && !killed) {   /* bounded by the harness: `K` or its end */
        if (wait_event(-1) == 'K')
            killed = 1;
        reap();
    }
    if (!killed) {   /* the probe ended: a grace for what it leaves ending too */
        long long grace = now_ms() + GRACE_MS;
        int left = reap(), ev = 'C';
        while (left && ev == 'C') {
            ev = wait_event(grace);
            left = reap();
        }
        if (left && !ev) {
            static pid_t pids[MAX_PROCS];
            int k = descendants(pids);
            for (int i = 0; i < k && i < MAX_NAMED; i++)
                describe(pids[i]);
            if (k > MAX_NAMED)
                report("survivors_unnamed=%d\n", k - MAX_NAMED);
        }
    }
    kill_all();
    if (probe_status >= 0 && WIFEXITED(probe_status))
        report("exit=%d\n", WEXITSTATUS(probe_status));
    else if (probe_status >= 0 && WIFSIGNALED(probe_status))
        report("signal=%d\n", WTERMSIG(probe_status));
reply:
    send(sock, status, status_len ? status_len : 1, MSG_NOSIGNAL);
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 125;
    pid_t harness = (pid_t)atoi(argv[1]);
    sock = atoi(argv[2]);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, &old);
    sigfd = signalfd(-1, &set, SFD_CLOEXEC);
    if (sigfd < 0 || fcntl(sock, F_SETFD, FD_CLOEXEC) ||
        prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0) || prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0))
        return 125;
    if (getppid() != harness)
        return 125;   /* the harness is already gone */
    landlock_abi = (int)syscall(__NR_landlock_create_ruleset, NULL, 0,
                                LANDLOCK_CREATE_RULESET_VERSION);

    static char req[MAX_REQUEST];
    while (!ending) {
        int fds[3] = {-1, -1, -1};
        char ctl[CMSG_SPACE(sizeof fds)];
        struct iovec iov = {req, sizeof req - 1};
        struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                             .msg_control = ctl, .msg_controllen = sizeof ctl};
        struct pollfd p[2] = {{sigfd, POLLIN, 0}, {sock, POLLIN, 0}};
        if (poll(p, 2, -1) < 0)   /* idle: bounded by the harness, which ends us */
            continue;
        if (p[0].revents) {
            struct signalfd_siginfo si;
            if (read(sigfd, &si, sizeof si) == sizeof si && si.ssi_signo != SIGCHLD)
                break;
            reap();
            continue;
        }
        ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
        if (n <= 0)
            break;
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        if (c && c->cmsg_type == SCM_RIGHTS && c->cmsg_len == CMSG_LEN(sizeof fds))
            memcpy(fds, CMSG_DATA(c), sizeof fds);
        req[n] = 0;
        if (n == 1 && req[0] == 'K' && fds[0] < 0)
            continue;   /* a kill that came after the run had ended */
        if (fds[0] < 0 || (msg.msg_flags & MSG_TRUNC) || n < 2) {
            static const char bad[] = "error=a malformed request\n";
            send(sock, bad, sizeof bad - 1, MSG_NOSIGNAL);
        } else {
            serve(req, (size_t)n, fds, &old);
        }
        for (int i = 0; i < 3; i++)
            if (fds[i] >= 0)
                close(fds[i]);
    }
    kill_all();   /* ending mid-run: wait_event saw it; between runs: nothing left */
    return 0;
}
