/*
 * fd.offset_fork — a fork child reading through an inherited descriptor moves the parent's offset.
 *
 * Steps: create "f" holding "abcdef"; open it for reading; a fork child
 * (no exec) reads 2 bytes through the descriptor and reports them, then
 * exits; the parent reads 2 bytes and reports them ("cd": parent and
 * child share one open file description and so one offset).
 *
 * Why: after fork, parent and child share offsets: a child that reads
 * stdin or a file the parent also reads (shell scripts with `read` in a
 * subshell, pre-fork servers reading a config, test runners forking
 * workers) consumes the parent's input. Programs that fork after opening
 * a file and want independent positions must reopen it or use pread.
 *
 * References: POSIX.1-2024 fork() (each of the child's descriptors refers
 * to the same open file description as the parent's), XBD 3 "Open File
 * Description"; fork(2).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static int fd = -1;

static int child(const char *arg)
{
    char buf[2];
    (void)arg;
    ssize_t n = read(fd, buf, 2);
    FSC_CHECK(n >= 0);
    fsc_obs_bytes("child_reads", buf, (size_t)n);
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    char buf[2];
    fsc_put("f", "abcdef");
    FSC_CHECK((fd = open("f", O_RDONLY)) >= 0);
    fsc_helper *h = fsc_spawn("child", NULL, FSC_SPAWN_FORK);
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    ssize_t n = read(fd, buf, 2);
    FSC_CHECK(n >= 0);
    fsc_obs_bytes("parent_reads_after", buf, (size_t)n);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"child", child})
#else
static void probe(void) { fsc_skip("no_fork"); }
FSC_PROBE(probe)
#endif
