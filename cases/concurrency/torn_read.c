/*
 * concurrency.torn_read — a read of a range that a single 1 MiB write() is in the middle of rewriting: old bytes, a mix of old and new, or blocked until the write ends.
 *
 * Steps: create "f" of 1 MiB of 'a'. Make the source buffer of the write
 * stall half-way deterministically: its first 512 KiB hold 'b', its second
 * 512 KiB are registered with userfaultfd and not yet present. A thread
 * calls pwrite(fd, buffer, 1 MiB, 0); the probe waits for the page-fault
 * event (the writer is now parked inside write(), with the first half
 * possibly copied). Another thread then reads the 1 MiB at offset 0
 * through a second descriptor; the probe waits up to 500 ms for it and
 * reports during_write: "old" (all 'a'), "mixed" ('b' then 'a'), "new",
 * "other", or "blocked" (the read waits for the write). Then it supplies
 * the missing pages (UFFDIO_COPY of 'b'), joins both threads and reports
 * write (the count: "full" or "short") and after_write (the read's result
 * if it had been blocked, else a fresh read): "new" when all is 'b'.
 * Linux only, and needs userfaultfd (root, or vm.unprivileged_userfaultfd).
 *
 * Why: POSIX asks that a read see all or none of a concurrent write to the
 * same range; Linux gives that only where the file system serialises
 * buffered reads against writes (XFS takes the inode lock to read), while
 * ext4, tmpfs and others copy page by page without a lock, so readers of a
 * file rewritten in place (configuration reloaders, database readers
 * without locks, "cp" of a live file) see a mix of old and new data. A
 * racing reader shows this only by chance; parking the writer makes it a
 * stable observation.
 *
 * References: POSIX.1-2024 XSH 2.9.7 "Thread Interactions with Regular File
 * Operations" (read(), write() and others "shall be atomic with respect
 * to each other in the effects specified in POSIX.1-2024 when they
 * operate on regular files"); userfaultfd(2), ioctl_userfaultfd(2);
 * LWN "Atomicity of file I/O" (2014).
 */
#ifdef __linux__
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include "fsc.h"

#include <string.h>

#if defined(__linux__) && defined(__NR_userfaultfd)
enum { SIZE = 1024 * 1024, HALF = SIZE / 2, WAIT_MS = 500 };

static char *src, *seen;
static int wfd, rfd, done_pipe[2];
static ssize_t written, got;

static void *writer(void *arg)
{
    (void)arg;
    written = pwrite(wfd, src, SIZE, 0);
    return NULL;
}

static void *reader(void *arg)
{
    (void)arg;
    got = pread(rfd, seen, SIZE, 0);
    FSC_CHECK(write(done_pipe[1], "x", 1) == 1);
    return NULL;
}

static const char *classify(void)
{
    if (got != SIZE) return "other";
    size_t i = 0;
    while (i < SIZE && seen[i] == seen[0]) i++;
    if (i == SIZE) return seen[0] == 'a' ? "old" : seen[0] == 'b' ? "new" : "other";
    if (seen[0] != 'b' || seen[i] != 'a') return "other";
    while (i < SIZE && seen[i] == 'a') i++;
    return i == SIZE ? "mixed" : "other";
}

static void probe(void)
{
    static char fill[SIZE];
    int uffd = (int)syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);
    if (uffd < 0) fsc_skip("no_userfaultfd");
    struct uffdio_api api = {.api = UFFD_API};
    FSC_CHECK(ioctl(uffd, UFFDIO_API, &api) == 0);
    memset(fill, 'a', SIZE);
    wfd = open("f", O_RDWR | O_CREAT | O_EXCL, 0644);
    FSC_CHECK(wfd >= 0 && write(wfd, fill, SIZE) == SIZE);
    rfd = open("f", O_RDONLY);
    if (rfd < 0) fsc_skip_refused("opening the file being written", fsc_last_error());
    FSC_CHECK(pipe(done_pipe) == 0);
    src = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    seen = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    FSC_CHECK(src != MAP_FAILED && seen != MAP_FAILED);
    memset(src, 'b', HALF);
    struct uffdio_register reg = {.range = {(unsigned long)(src + HALF), HALF},
                                  .mode = UFFDIO_REGISTER_MODE_MISSING};
    FSC_CHECK(ioctl(uffd, UFFDIO_REGISTER, &reg) == 0);

    pthread_t wt, rt;
    FSC_CHECK(pthread_create(&wt, NULL, writer, NULL) == 0);
    struct pollfd p = {uffd, POLLIN, 0};
    FSC_CHECK(poll(&p, 1, fsc_deadline_ms()) == 1);
    struct uffd_msg msg;
    FSC_CHECK(read(uffd, &msg, sizeof msg) == sizeof msg && msg.event == UFFD_EVENT_PAGEFAULT);
    FSC_CHECK(pthread_create(&rt, NULL, reader, NULL) == 0);
    struct pollfd d = {done_pipe[0], POLLIN, 0};
    int finished = poll(&d, 1, WAIT_MS);
    FSC_CHECK(finished >= 0);
    fsc_obs("during_write", "%s", finished ? classify() : "blocked");

    memset(fill, 'b', HALF);
    struct uffdio_copy copy = {.dst = (unsigned long)(src + HALF),
                               .src = (unsigned long)fill, .len = HALF};
    FSC_CHECK(ioctl(uffd, UFFDIO_COPY, &copy) == 0);
    FSC_CHECK(pthread_join(wt, NULL) == 0 && pthread_join(rt, NULL) == 0);
    fsc_obs("write", "%s", written == SIZE ? "full" : "short");
    if (finished) got = pread(rfd, seen, SIZE, 0);
    fsc_obs("after_write", "%s", classify());
    FSC_CHECK(close(wfd) == 0 && close(rfd) == 0 && close(uffd) == 0);
}
#else
static void probe(void) { fsc_skip("no_userfaultfd"); }
#endif

FSC_PROBE(probe)
