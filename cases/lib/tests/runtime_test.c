/*
 * runtime_test.c — unit tests of the probe runtime (cmocka).
 *
 * The runtime ends the process on a broken probe (exit 2) or a skip (77), so
 * those paths are tested in a forked child whose exit status and output the
 * test reads. Helper tests re-run this executable in a role, as probes do.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fsc_plat.h"
#include "fsc_posix.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char sandbox[] = "/tmp/fsc-unit-XXXXXX";

/* ---- helper roles ---- */

static int role_echo(const char *arg)
{
    fsc_send(NULL, "%s %s", fsc_recv(NULL), arg);
    return 0;
}

static int role_exit(const char *arg) { return atoi(arg); }

static int role_block(const char *arg)
{
    (void)arg;
    fsc_send(NULL, "%ld", (long)getpid());
    fsc_recv(NULL);   /* nothing comes: ends by deadline, kill or the probe's end */
    return 0;
}

/* A lock matrix's answer that says who answered: "REQUEST PID FD"; the
 * request "hold START LEN" leaves a write lock on those bytes in place. */
static const char *matrix_ask(int fd, const char *request)
{
    static char answer[128];
    long start, len;
    if (sscanf(request, "hold %ld %ld", &start, &len) == 2) {
        struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
        FSC_CHECK(fcntl(fd, F_SETLK, &fl) == 0);
    }
    snprintf(answer, sizeof answer, "%s %ld %d", request, (long)getpid(), fd);
    return answer;
}

static int role_asker(const char *arg)
{
    (void)arg;
    return fsc_lock_asker(matrix_ask);
}

static int role_refused(const char *arg)
{
    (void)arg;
    errno = EPERM;
    FSC_CHECK(0);
    return 0;
}

/* Sends its current directory and what fsc_peer_sandbox says. */
static int role_where(const char *arg)
{
    char cwd[4096];
    (void)arg;
    const char *peer = fsc_peer_sandbox();
    fsc_send(NULL, "%s %s", getcwd(cwd, sizeof cwd) ? cwd : "?", peer ? peer : "none");
    return 0;
}

/* Finds "present" in the peer sandbox, then says so once more. */
static int role_finds(const char *arg)
{
    (void)arg;
    if (fsc_peer_found(fsc_peer_exists, "present")) fsc_send(NULL, "after");
    return 0;
}

static const fsc_role roles[] = {{"echo", role_echo},   {"exit", role_exit},
                                 {"block", role_block}, {"asker", role_asker},
                                 {"refused", role_refused}, {"where", role_where},
                                 {"finds", role_finds},
                                 {0, 0}};

/* ---- running a piece of runtime code in a child ---- */

struct outcome {
    int status;   /* exit status, or -signal */
    char out[512];
    char err[512];
};

static void slurp(int fd, char *buf, size_t n)
{
    size_t got = 0;
    ssize_t r;
    while (got < n - 1 && (r = read(fd, buf + got, n - 1 - got)) > 0) got += (size_t)r;
    buf[got] = 0;
    close(fd);
}

static struct outcome in_child(void (*fn)(void))
{
    struct outcome o;
    int out[2], err[2], st;
    assert_int_equal(pipe(out), 0);
    assert_int_equal(pipe(err), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]), close(err[0]), close(out[1]), close(err[1]);
        fn();
        exit(0);
    }
    close(out[1]);
    close(err[1]);
    slurp(out[0], o.out, sizeof o.out);
    slurp(err[0], o.err, sizeof o.err);
    assert_int_equal(waitpid(pid, &st, 0), pid);
    o.status = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
    return o;
}

/* ---- error names ---- */

static void errno_names(void **state)
{
    (void)state;
    assert_string_equal(fsc_errno_name(ENOENT), "ENOENT");
    assert_string_equal(fsc_errno_name(EACCES), "EACCES");
    assert_string_equal(fsc_errno_name(ENOTEMPTY), "ENOTEMPTY");
    assert_string_equal(fsc_errno_name(EXDEV), "EXDEV");
    /* aliases: the common spelling wins */
    assert_string_equal(fsc_errno_name(EWOULDBLOCK), "EAGAIN");
    assert_string_equal(fsc_errno_name(EDEADLOCK), "EDEADLK");
    assert_string_equal(fsc_errno_name(ENOTSUP), "EOPNOTSUPP");
    assert_string_equal(fsc_errno_name(98765), "errno_98765");
    assert_string_equal(fsc_errno_name(0), "errno_0");
}

static void errno_table_complete(void **state)
{
    /* Every code the C library knows (1..133 on Linux) has a symbolic name. */
    (void)state;
    for (int e = 1; e <= 133; e++) {
        if (e == 41 || e == 58) continue;   /* unassigned on Linux */
        const char *n = fsc_errno_name(e);
        if (strncmp(n, "errno_", 6) == 0) fail_msg("errno %d has no name", e);
        assert_true(n[0] == 'E');
    }
}

/* ---- observations ---- */

static void obs_good(void)
{
    fsc_obs("a.b_1", "%d", 5);
    fsc_obs_bool("flag", 1);
    fsc_obs_int("count", -3);
    fsc_obs_op("op", 0);
    fsc_obs_op("op_err", ENOENT);
    errno = EXDEV;
    fsc_obs_sys("sys", -1);
    fsc_obs_sys("sys_ok", 7);
    fsc_obs_bytes("bytes", "a b\n\xff", 5);
    fsc_obs_bytes("none", "", 0);
}

static void observations(void **state)
{
    (void)state;
    struct outcome o = in_child(obs_good);
    assert_int_equal(o.status, 0);
    assert_string_equal(o.out, "a.b_1=5\nflag=true\ncount=-3\nop=ok\nop_err=ENOENT\n"
                               "sys=EXDEV\nsys_ok=ok\nbytes=a%20b%0A%FF\nnone=empty\n");
}

static void obs_files(void)
{
    fsc_fd fd;
    fsc_put("obs_files", "hi there");
    fsc_obs_file("file", "obs_files");
    fsc_obs_file("missing", "no_such_file");
    FSC_OK(fsc_op_open("obs_files", FSC_READ | FSC_SHARE_ALL, &fd));
    fsc_obs_read("read", fd);
    fsc_obs_read("at_end", fd);
    FSC_OK(fsc_op_close(fd));
    FSC_OK(fsc_op_unlink("obs_files"));
}

static void file_observations(void **state)
{
    /* what a file or an open descriptor holds, and a name that cannot be read */
    (void)state;
    struct outcome o = in_child(obs_files);
    assert_int_equal(o.status, 0);
    assert_string_equal(o.out, "file=hi%20there\nmissing=unreadable\nread=hi%20there\nat_end=empty\n");
}

static void obs_bad_name(void) { fsc_obs("Bad", "x"); }
static void obs_blank_value(void) { fsc_obs("name", "two words"); }
static void obs_empty_value(void) { fsc_obs("name", "%s", ""); }
static void obs_any_marker(void) { fsc_obs("name", "*"); }
static void obs_twice(void)
{
    fsc_obs("name", "1");
    fsc_obs("name", "2");
}

static void broken_observations(void **state)
{
    (void)state;
    void (*cases[])(void) = {obs_bad_name, obs_blank_value, obs_empty_value, obs_any_marker,
                             obs_twice};
    const char *why[] = {"not [a-z0-9_.]+", "not one token", "not one token", "not one token",
                         "reported twice"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct outcome o = in_child(cases[i]);
        assert_int_equal(o.status, FSC_EXIT_BROKEN);
        assert_non_null(strstr(o.err, why[i]));
    }
}

static void do_skip(void) { fsc_skip("no_such_api"); }
static void do_check(void) { FSC_CHECK(1 + 1 == 3); }

static void skip_and_check(void **state)
{
    (void)state;
    struct outcome o = in_child(do_skip);
    assert_int_equal(o.status, FSC_EXIT_SKIP);
    assert_string_equal(o.out, "skip=no_such_api\n");
    o = in_child(do_check);
    assert_int_equal(o.status, FSC_EXIT_BROKEN);
    assert_non_null(strstr(o.err, "runtime_test.c:"));
    assert_non_null(strstr(o.err, "1 + 1 == 3"));
}

static void do_check_refused(void)
{
    errno = ESPIPE;
    FSC_CHECK(1 + 1 == 3);
}
static void do_ok_refused(void) { FSC_OK(EPERM); }
static void do_check_enoent(void)
{
    errno = ENOENT;
    FSC_CHECK(1 + 1 == 3);
}

static void refused_setup(void **state)
{
    /* a set-up the filesystem refuses skips, naming the error; other errors break */
    (void)state;
    struct outcome o = in_child(do_check_refused);
    assert_int_equal(o.status, FSC_EXIT_SKIP);
    assert_string_equal(o.out, "skip=setup_refused_ESPIPE\n");
    assert_non_null(strstr(o.err, "1 + 1 == 3"));
    o = in_child(do_ok_refused);
    assert_int_equal(o.status, FSC_EXIT_SKIP);
    assert_string_equal(o.out, "skip=setup_refused_EPERM\n");
    o = in_child(do_check_enoent);
    assert_int_equal(o.status, FSC_EXIT_BROKEN);
}

static void wait_refused_helper(void)
{
    fsc_helper *h = fsc_spawn("refused", "", FSC_SPAWN_EXEC);
    fsc_wait(h);
    fsc_obs("after", "wait");
}

static void recv_refused_helper(void)
{
    fsc_helper *h = fsc_spawn("refused", "", FSC_SPAWN_EXEC);
    fsc_recv(h);
    fsc_obs("after", "recv");
}

static void helper_refused(void **state)
{
    /* the helper prints the skip; the probe ends with 77 and prints nothing */
    (void)state;
    void (*cases[])(void) = {wait_refused_helper, recv_refused_helper};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct outcome o = in_child(cases[i]);
        assert_int_equal(o.status, FSC_EXIT_SKIP);
        assert_string_equal(o.out, "skip=setup_refused_EPERM\n");
    }
}

/* ---- helpers ---- */

static void helper_messages(void **state)
{
    (void)state;
    fsc_helper *h = fsc_spawn("echo", "world", FSC_SPAWN_EXEC);
    fsc_send(h, "hello");
    assert_string_equal(fsc_recv(h), "hello world");
    assert_int_equal(fsc_wait(h), 0);
    h = fsc_spawn("exit", "9", FSC_SPAWN_EXEC);
    assert_int_equal(fsc_wait(h), 9);
    h = fsc_spawn("exit", "4", FSC_SPAWN_FORK);
    assert_int_equal(fsc_wait(h), 4);
}

static void recv_from_silent_helper(void)
{
    fsc_helper *h = fsc_spawn("block", "", FSC_SPAWN_EXEC);
    fsc_recv(h);   /* the pid */
    fsc_recv(h);   /* never comes */
}

static void deadline(void **state)
{
    (void)state;
    setenv("FSC_DEADLINE_MS", "300", 1);
    struct outcome o = in_child(recv_from_silent_helper);
    unsetenv("FSC_DEADLINE_MS");
    assert_int_equal(o.status, FSC_EXIT_BROKEN);
    assert_non_null(strstr(o.err, "no message within 300 ms"));
}

/* A helper started with FSC_SPAWN_PEER works in the peer sandbox (exec'd
 * and forked alike) and sees the same variable; the probe stays where it
 * is; without a peer such a spawn skips the probe. */
static void spawn_peer(void)
{
    fsc_spawn("where", "", FSC_SPAWN_EXEC | FSC_SPAWN_PEER);
}

static void peer_helpers(void **state)
{
    (void)state;
    char peer[] = "/tmp/fsc-unit-peer-XXXXXX", want[128], here[4096];
    unsetenv("FSC_PEER_SANDBOX");
    assert_null(fsc_peer_sandbox());
    struct outcome o = in_child(spawn_peer);
    assert_int_equal(o.status, FSC_EXIT_SKIP);
    assert_string_equal(o.out, "skip=no_second_mount\n");
    setenv("FSC_PEER_SANDBOX", "", 1);   /* empty: no peer */
    assert_null(fsc_peer_sandbox());
    assert_non_null(mkdtemp(peer));
    setenv("FSC_PEER_SANDBOX", peer, 1);
    assert_string_equal(fsc_peer_require(), peer);
    snprintf(want, sizeof want, "%s %s", peer, peer);
    for (int how = FSC_SPAWN_EXEC; how <= FSC_SPAWN_FORK; how++) {
        fsc_helper *h = fsc_spawn("where", "", how | FSC_SPAWN_PEER);
        assert_string_equal(fsc_recv(h), want);
        assert_int_equal(fsc_wait(h), 0);
    }
    assert_non_null(getcwd(here, sizeof here));
    assert_string_equal(here, sandbox);
    unsetenv("FSC_PEER_SANDBOX");
    assert_int_equal(rmdir(peer), 0);
}

static int after_calls(void *ctx) { return --*(int *)ctx <= 0; }

static void visibility_classes(void **state)
{
    (void)state;
    int calls = 1;
    assert_string_equal(fsc_visible_within(after_calls, &calls), "seen");
    calls = 3;
    assert_string_equal(fsc_visible_within(after_calls, &calls), "seen");
    calls = 1 << 30;
    long long t0 = fsc_plat_now_ms();
    assert_string_equal(fsc_visible_within(after_calls, &calls), "never");
    assert_true(fsc_plat_now_ms() - t0 >= FSC_PEER_VISIBLE_MS);
}

static void spawn_finder(void)
{
    if (fsc_spawn_peer("finds")) exit(9);
}

/* fsc_spawn_peer: the helper finds the file and the probe goes on with it;
 * or it does not within three fifths of the runtime deadline (a set-up wait,
 * not the 2 s measuring window), reports b_found=never and ends, and the
 * probe gets NULL (an observation, not a broken probe). */
static void peer_found_or_not(void **state)
{
    (void)state;
    char peer[] = "/tmp/fsc-unit-peer-XXXXXX", file[128];
    assert_non_null(mkdtemp(peer));
    setenv("FSC_PEER_SANDBOX", peer, 1);
    setenv("FSC_DEADLINE_MS", "2500", 1);
    long long t0 = fsc_plat_now_ms();
    struct outcome o = in_child(spawn_finder);
    long long took = fsc_plat_now_ms() - t0;
    assert_int_equal(o.status, 0);
    assert_string_equal(o.out, "b_found=never\n");
    assert_true(took >= 1500 && took < 2500);
    snprintf(file, sizeof file, "%s/present", peer);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    fsc_helper *h = fsc_spawn_peer("finds");
    assert_non_null(h);
    assert_string_equal(fsc_recv(h), "after");
    assert_int_equal(fsc_wait(h), 0);
    unsetenv("FSC_DEADLINE_MS");
    unsetenv("FSC_PEER_SANDBOX");
    assert_int_equal(unlink(file), 0);
    assert_int_equal(rmdir(peer), 0);
}

/* The probe dies without cleaning up (as in a crash): its helper must die too.
 * This process becomes the subreaper so the orphaned helper is reparented
 * here and its end can be observed with waitpid. */
static void probe_dies(void)
{
    fsc_helper *h = fsc_spawn("block", "", FSC_SPAWN_EXEC);
    printf("%s\n", fsc_recv(h));
    fflush(stdout);
    _exit(0);
}

static void helpers_die_with_probe(void **state)
{
    (void)state;
    assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    struct outcome o = in_child(probe_dies);
    assert_int_equal(o.status, 0);
    pid_t helper = (pid_t)atol(o.out);
    assert_true(helper > 0);
    /* It dies by the parent-death SIGKILL or, if that loses the race, by the
     * end of file on its channel; either way it must be gone at once. A
     * helper that lived on would make waitpid block: the alarm ends the test
     * (SIGALRM kills it, a failure) instead of hanging it. */
    int st;
    alarm(10);
    assert_int_equal(waitpid(helper, &st, 0), helper);
    alarm(0);
    if (WIFSIGNALED(st)) assert_int_equal(WTERMSIG(st), SIGKILL);
    else assert_true(WIFEXITED(st));
}

/* ---- guarded memory access ---- */

static void mem_guard(void **state)
{
    (void)state;
    char c = 0;
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(p != MAP_FAILED);
    assert_string_equal(fsc_mem_write(p, 'x'), "ok");
    assert_string_equal(fsc_mem_read(p, &c), "ok");
    assert_int_equal(c, 'x');
    assert_int_equal(mprotect(p, (size_t)page, PROT_NONE), 0);
    assert_string_equal(fsc_mem_read(p, &c), "SIGSEGV");
    assert_string_equal(fsc_mem_write(p, 'y'), "SIGSEGV");
    munmap(p, (size_t)page);
}

/* ---- the operations backend this build links (native or crt) ---- */

static void ops_backend(void **state)
{
    (void)state;
    char dir[] = "fsc-unit-XXXXXX";
    char old[4096];
    fsc_fd fd;
    fsc_stat st;
    size_t n;
    assert_non_null(mkdtemp(dir));
    assert_non_null(getcwd(old, sizeof old));
    assert_int_equal(fsc_op_chdir(dir), 0);
    assert_int_equal(fsc_op_open("missing", FSC_READ | FSC_SHARE_CRT, &fd), ENOENT);
    assert_true(fd == FSC_NOFD);
    assert_string_equal(fsc_op_errname(ENOENT), "ENOENT");
    fsc_put("f", "hello");
    assert_string_equal(fsc_get("f"), "hello");
    assert_int_equal(fsc_op_open("f", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd),
                     EEXIST);
    assert_int_equal(fsc_op_open("f", FSC_RDWR | FSC_APPEND | FSC_SHARE_CRT, &fd), 0);
    assert_int_equal(fsc_op_write(fd, "!", 1, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(fsc_op_fstat(fd, &st), 0);
    assert_int_equal(st.size, 6);
    assert_int_equal(st.type, FSC_TYPE_FILE);
    fsc_time mt = {-86400, 500};
    assert_int_equal(fsc_op_set_times("f", &mt, &mt), 0);
    assert_int_equal(fsc_op_stat("f", &st), 0);
    assert_int_equal(st.mtime.sec, -86400);
    struct stat ps;   /* read-only: the write bits go, the rest stays */
    assert_int_equal(chmod("f", 0764), 0);
    assert_int_equal(fsc_op_set_readonly("f", 1), 0);
    assert_int_equal(stat("f", &ps), 0);
    assert_int_equal(ps.st_mode & 07777, 0544);
    assert_int_equal(fsc_op_set_readonly("f", 0), 0);
    assert_int_equal(stat("f", &ps), 0);
    assert_int_equal(ps.st_mode & 07777, 0744);
    assert_int_equal(fsc_op_set_readonly("missing", 1), ENOENT);
    assert_int_equal(fsc_op_close(fd), 0);
    assert_int_equal(fsc_op_mkdir("d"), 0);
    assert_int_equal(fsc_op_rename("f", "d/g"), 0);
    assert_int_equal(fsc_op_rmdir("d"), ENOTEMPTY);
    char names[2][FSC_NAME_MAX];
    int count = -1;
    assert_int_equal(fsc_op_list("d", names, 2, &count), 0);   /* no "." or ".." */
    assert_int_equal(count, 1);
    assert_string_equal(names[0], "g");
    assert_int_equal(fsc_op_list("no_such_dir", NULL, 0, &count), ENOENT);
    assert_int_equal(fsc_op_unlink("d/g"), 0);
    assert_int_equal(fsc_op_rmdir("d"), 0);
    assert_int_equal(fsc_op_chdir(old), 0);
    assert_int_equal(rmdir(dir), 0);
}

/* ---- timestamps per operation ---- */

static long long ns_of(fsc_time t) { return t.sec * 1000000000LL + t.nsec; }

/* fsc_clock_pass returns only once the clock is past the end of t's step:
 * the next 10 ms for a fraction of whole 10 ms, the next second for none. */
static void clock_pass(void **state)
{
    (void)state;
    long long now = fsc_plat_stamp_clock_ns();
    fsc_time tens = {now / 1000000000LL, 250000000}, whole = {now / 1000000000LL - 1, 0};
    fsc_clock_pass(tens);
    assert_true(fsc_plat_stamp_clock_ns() >= ns_of(tens) + 10000000);
    fsc_clock_pass(whole);
    assert_true(fsc_plat_stamp_clock_ns() >= ns_of(whole) + 1000000000);
}

static void clock_never(void)
{
    fsc_clock_pass((fsc_time){fsc_plat_stamp_clock_ns() / 1000000000LL + 60, 0});
}

static void times_write(void)
{
    const char *f = "times_f";
    fsc_stat before;
    fsc_fd fd;
    size_t n;
    fsc_put(f, "data");
    FSC_OK(fsc_op_open(f, FSC_WRITE | FSC_SHARE_CRT, &fd));
    fsc_times_setup(1, &f, &before);
    assert_int_equal(before.mtime.sec, 1000000000);
    FSC_OK(fsc_op_write(fd, "more", 4, &n));
    fsc_obs_times("f.", f, &before);
    FSC_OK(fsc_op_close(fd));
    FSC_OK(fsc_op_unlink(f));
}

static void times_per_operation(void **state)
{
    (void)state;
    struct outcome o = in_child(times_write);
    assert_int_equal(o.status, 0);
    assert_string_equal(o.out, "f.atime=unchanged\nf.mtime=changed\nf.ctime=changed\n");
    o = in_child(clock_never);   /* bounded: broken after 3 s */
    assert_int_equal(o.status, FSC_EXIT_BROKEN);
    assert_non_null(strstr(o.err, "did not pass"));
}

/* ---- native POSIX probes' set-ups (fsc_posix.h) ---- */

static void map_shared(void **state)
{
    (void)state;
    struct stat st;
    int fd;
    char *m = fsc_map_shared("mapped", 8192, &fd);
    assert_int_equal(fstat(fd, &st), 0);
    assert_int_equal(st.st_size, 8192);
    assert_true(m[0] == 'a' && m[8191] == 'a');
    m[1] = 'X';   /* shared: the file sees the store */
    assert_int_equal(munmap(m, 8192), 0);
    char c = 0;
    assert_int_equal(pread(fd, &c, 1, 1), 1);
    assert_int_equal(c, 'X');
    assert_int_equal(close(fd), 0);
    assert_int_equal(unlink("mapped"), 0);
}

static void lock_matrix(void **state)
{
    (void)state;
    char request[32];
    long pid;
    int fd;
    fsc_lock_matrix m;
    fsc_put("f", "0123456789");
    fsc_lock_matrix_start(&m, matrix_ask);
    for (int who = 0; who < 2; who++) {   /* the probe's own descriptors */
        assert_int_equal(sscanf(fsc_lock_matrix_ask(&m, who, "q%d", who), "%31s %ld %d", request,
                                &pid, &fd), 3);
        assert_string_equal(request, who ? "q1" : "q0");
        assert_int_equal(pid, (long)getpid());
        assert_int_equal(fd, m.fd[who]);
    }
    const char *answer = fsc_lock_matrix_ask(&m, 2, "hold %d %d", 5, 5);   /* the helper */
    assert_int_equal(strncmp(answer, "hold 5 5 ", 9), 0);
    assert_int_equal(sscanf(answer + 9, "%ld", &pid), 1);
    assert_true(pid != (long)getpid());
    struct flock fl = fsc_getlk(m.fd[0], 0, 0);   /* the helper's lock, seen from here */
    assert_int_equal(fl.l_type, F_WRLCK);
    assert_int_equal(fl.l_start, 5);
    assert_int_equal(fl.l_len, 5);
    assert_int_equal((long)fl.l_pid, pid);
    fsc_lock_matrix_end(&m);
    int rd = open("f", O_RDONLY);
    assert_true(rd >= 0);
    assert_int_equal(fsc_getlk(rd, 0, 0).l_type, F_UNLCK);   /* ended with the helper */
    assert_int_equal(close(rd), 0);
    assert_int_equal(unlink("f"), 0);
}

static void lock_type_names(void **state)
{
    (void)state;
    assert_string_equal(fsc_lock_type_name(F_RDLCK), "F_RDLCK");
    assert_string_equal(fsc_lock_type_name(F_WRLCK), "F_WRLCK");
    assert_string_equal(fsc_lock_type_name(F_UNLCK), "F_UNLCK");
    assert_string_equal(fsc_lock_type_name(99), "other");
}

static void obs_ranges(void)
{
    struct flock none = {.l_type = F_UNLCK}, some = {.l_type = F_RDLCK, .l_start = 5, .l_len = 5};
    fsc_obs_lock_range("none", &none);
    fsc_obs_lock_range("some", &some);
}

static void lock_range_observation(void **state)
{
    (void)state;
    struct outcome o = in_child(obs_ranges);
    assert_int_equal(o.status, 0);
    assert_string_equal(o.out, "none=free\nsome=5_9\n");
}

/* What the C runtime cannot express is `unsupported`, never done another way. */
static void ops_crt_unsupported(void **state)
{
    (void)state;
    const char *version;
    if (strncmp(fsc_op_backend(&version), "crt", 3)) skip();
    fsc_time t = {0, 0};
    fsc_fd fd = FSC_NOFD;
    void *addr = &t;
    assert_string_equal(fsc_op_errname(FSC_UNSUPPORTED), "unsupported");
    assert_int_equal(fsc_op_set_times("f", NULL, &t), FSC_UNSUPPORTED);
    assert_int_equal(fsc_op_link("f", "g"), FSC_UNSUPPORTED);
    assert_int_equal(fsc_op_set_inherit(fd, 1), FSC_UNSUPPORTED);
    assert_int_equal(fsc_op_map(fd, 0, 1, FSC_MAP_READ, &addr), FSC_UNSUPPORTED);
    assert_null(addr);
    assert_int_equal(fsc_op_lock(fd, 0, 1, FSC_LOCK_SHARED), FSC_UNSUPPORTED);
}

static void unit_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(errno_names),     cmocka_unit_test(errno_table_complete),
        cmocka_unit_test(observations), cmocka_unit_test(ops_crt_unsupported),
        cmocka_unit_test(file_observations), cmocka_unit_test(broken_observations),
        cmocka_unit_test(skip_and_check),  cmocka_unit_test(refused_setup),
        cmocka_unit_test(helper_refused),  cmocka_unit_test(helper_messages),
        cmocka_unit_test(deadline),        cmocka_unit_test(helpers_die_with_probe),
        cmocka_unit_test(mem_guard),       cmocka_unit_test(ops_backend),
        cmocka_unit_test(clock_pass),      cmocka_unit_test(times_per_operation),
        cmocka_unit_test(map_shared),      cmocka_unit_test(lock_matrix),
        cmocka_unit_test(lock_range_observation), cmocka_unit_test(lock_type_names),
        cmocka_unit_test(peer_helpers),    cmocka_unit_test(visibility_classes),
        cmocka_unit_test(peer_found_or_not),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    rmdir(sandbox);
    exit(failed ? 1 : 0);
}

/* The tests run as a probe would: in fsc_main, in an empty directory, with
 * this program's helper roles. */
int main(int argc, char **argv)
{
    if (argc == 1) {
        if (!mkdtemp(sandbox) || chdir(sandbox)) {
            perror(sandbox);
            return 1;
        }
    }
    return fsc_main(argc, argv, unit_tests, roles);
}
