/*
 * inherit.cloexec_race — open() then fcntl(FD_CLOEXEC) against a fork+exec in another thread: the window in which a child inherits the descriptor, and O_CLOEXEC closing it.
 *
 * Steps: create "f". Forced interleaving: open "f" without O_CLOEXEC,
 * fork+exec this program in a role that scans its descriptors for "f"
 * (by device and inode) and reports over a pipe whether it holds one, and
 * only then set FD_CLOEXEC ("window.fcntl": held or not_held); the same
 * with open(O_CLOEXEC) ("window.o_cloexec"). Race: a second thread opens
 * "f" and closes it in a loop, either setting FD_CLOEXEC with fcntl right
 * after open ("race.fcntl") or opening with O_CLOEXEC ("race.o_cloexec"),
 * while the main thread forks and execs the scanning role 12 times; each
 * reports none (no child ever held "f") or some. Every read of a child's
 * answer has the runtime's deadline. POSIX only; skips on Windows.
 *
 * Why: a server that opens files in one thread while another starts
 * children leaks descriptors into them unless the open itself sets
 * close-on-exec: the leaked descriptor keeps files open (disk space not
 * freed, a lock file held, a pipe never reporting EOF) and hands the child
 * data it must not have. fcntl after open leaves a window no user-space
 * lock closes across a fork in another library's thread; that is why
 * POSIX.1-2008 added O_CLOEXEC (and Windows added
 * PROC_THREAD_ATTRIBUTE_HANDLE_LIST). Whether the race is hit in a given
 * run depends on timing: "race.fcntl" is reported, not judged.
 *
 * References: POSIX.1-2024 open() (O_CLOEXEC, Rationale: the race between
 * open and fcntl in multithreaded programs), fcntl() (FD_CLOEXEC);
 * Linux open(2) ("O_CLOEXEC ... is essential in some multithreaded
 * programs"); Python PEP 446
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
enum { TRIALS = 12 };
static struct stat f_st;
static atomic_int stop;

/* arg: "<pipe's write end> <dev> <ino>"; answers '1' when a descriptor of
 * that file is open. */
static int scan(const char *arg)
{
    int out, held = 0;
    unsigned long long dev, ino;
    struct stat st;
    if (sscanf(arg, "%d %llu %llu", &out, &dev, &ino) != 3) return FSC_EXIT_BROKEN;
    for (int fd = 3; fd < 1024; fd++)
        if (fd != out && fstat(fd, &st) == 0 && st.st_dev == dev && st.st_ino == ino) held = 1;
    return write(out, held ? "1" : "0", 1) == 1 ? 0 : FSC_EXIT_BROKEN;
}

/* fork+exec the scanning role; returns whether that child held "f". */
static int child_holds(void)
{
    int p[2];
    char arg[64], c = 0;
    FSC_CHECK(pipe2(p, O_CLOEXEC) == 0);
    int out = fcntl(p[1], F_DUPFD, 3);   /* the child's copy: no FD_CLOEXEC */
    FSC_CHECK(out >= 0);
    snprintf(arg, sizeof arg, "%d %llu %llu", out, (unsigned long long)f_st.st_dev,
             (unsigned long long)f_st.st_ino);
    pid_t pid = fork();
    FSC_CHECK(pid >= 0);
    if (pid == 0) {
        execl("/proc/self/exe", "probe", "--fsc-role", "scan", arg, (char *)NULL);
        _exit(127);
    }
    FSC_CHECK(close(out) == 0 && close(p[1]) == 0);
    struct pollfd pfd = {p[0], POLLIN, 0};
    FSC_CHECK(poll(&pfd, 1, fsc_deadline_ms()) == 1 && read(p[0], &c, 1) == 1);
    int status;
    FSC_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    FSC_CHECK(close(p[0]) == 0);
    return c == '1';
}

static void *opener(void *use_o_cloexec)
{
    while (!atomic_load(&stop)) {
        int fd = open("f", O_RDONLY | (use_o_cloexec ? O_CLOEXEC : 0));
        if (fd < 0) abort();
        if (!use_o_cloexec && fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) abort();
        close(fd);
    }
    return NULL;
}

static void race(const char *name, int use_o_cloexec)
{
    pthread_t t;
    int some = 0;
    atomic_store(&stop, 0);
    FSC_CHECK(pthread_create(&t, NULL, opener, use_o_cloexec ? &stop : NULL) == 0);
    for (int i = 0; i < TRIALS; i++) some |= child_holds();
    atomic_store(&stop, 1);
    FSC_CHECK(pthread_join(t, NULL) == 0);
    fsc_obs_some(name, some);
}

static void probe(void)
{
    fsc_put("f", "data");
    FSC_CHECK(stat("f", &f_st) == 0);
    int fd = open("f", O_RDONLY);
    FSC_CHECK(fd >= 0);
    fsc_obs("window.fcntl", "%s", child_holds() ? "held" : "not_held");
    FSC_CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && close(fd) == 0);
    fd = open("f", O_RDONLY | O_CLOEXEC);
    FSC_CHECK(fd >= 0);
    fsc_obs("window.o_cloexec", "%s", child_holds() ? "held" : "not_held");
    FSC_CHECK(close(fd) == 0);
    race("race.fcntl", 0);
    race("race.o_cloexec", 1);
}

FSC_PROBE_HELPERS(probe, {"scan", scan})
#else
static void probe(void) { fsc_skip("no_fork"); }
FSC_PROBE(probe)
#endif
