/*
 * lock.proc_locks — how /proc/locks lists an fcntl record lock, a flock lock and an OFD lock.
 *
 * Steps: create "a", "b" and "c"; take an fcntl F_SETLK write lock on bytes
 * 5-14 of "a", flock(LOCK_SH) on "b" and an OFD read lock (F_OFD_SETLK)
 * from byte 0 to the end (l_len 0) of "c". Read /proc/locks and, for each
 * file, find the line for its inode number with the expected lock class
 * (POSIX, FLOCK, OFDLCK) whose pid is this process (-1 for OFDLCK); report
 * `kind.listed` (true/false) and, when listed, `kind.type` (WRITE, READ),
 * `kind.range` (first_last, `EOF` for "to the end"), `kind.pid` (self,
 * minus_one, other) and `kind.dev` (`stat` when the MAJOR:MINOR field is
 * the file's st_dev, `other` when not).
 *
 * Why: /proc/locks is what lslocks, fuser-like tools and monitoring read to
 * answer "who holds this lock": an OFD lock shows pid -1 (no owner a tool
 * can name), flock locks show the locking process even when a child
 * inherited them, and on file systems whose st_dev is not the superblock's
 * device (btrfs subvolumes, overlayfs) the MAJOR:MINOR field does not
 * match what stat says, so a tool matching device and inode finds nothing.
 *
 * References: Linux proc(5) /proc/locks (fields; "OFDLCK ... -1"); Linux
 * fcntl(2), flock(2); util-linux lslocks(8).
 */
#ifndef _WIN32
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#endif
#include "fsc.h"

#if defined(__linux__) && defined(F_OFD_SETLK)
static void report(const char *kind, const char *class, const char *path)
{
    char line[256], name[48], cls[16], mode[16], type[16], end[32];
    long pid, start;
    unsigned maj, min;
    unsigned long long ino;
    struct stat st;
    FILE *f;
    int found = 0;
    FSC_CHECK(stat(path, &st) == 0);
    if (!(f = fopen("/proc/locks", "r"))) fsc_skip("no_proc_locks");
    while (!found && fgets(line, sizeof line, f)) {
        if (sscanf(line, "%*d: %15s %15s %15s %ld %x:%x:%llu %ld %31s", cls, mode, type, &pid,
                   &maj, &min, &ino, &start, end) != 9)
            continue;
        found = ino == (unsigned long long)st.st_ino && strcmp(cls, class) == 0 &&
                (pid == (long)getpid() || (pid == -1 && strcmp(class, "OFDLCK") == 0));
    }
    FSC_CHECK(fclose(f) == 0);
    snprintf(name, sizeof name, "%s.listed", kind);
    fsc_obs_bool(name, found);
    if (!found) return;
    snprintf(name, sizeof name, "%s.type", kind);
    fsc_obs(name, "%s", type);
    snprintf(name, sizeof name, "%s.range", kind);
    fsc_obs(name, "%ld_%s", start, end);
    snprintf(name, sizeof name, "%s.pid", kind);
    fsc_obs(name, "%s", pid == (long)getpid() ? "self" : pid == -1 ? "minus_one" : "other");
    snprintf(name, sizeof name, "%s.dev", kind);
    fsc_obs(name, "%s", maj == major(st.st_dev) && min == minor(st.st_dev) ? "stat" : "other");
}

static void probe(void)
{
    struct flock wr = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 10};
    struct flock rd = {.l_type = F_RDLCK, .l_whence = SEEK_SET};
    int a, b, c;
    fsc_put("a", "data");
    fsc_put("b", "data");
    fsc_put("c", "data");
    FSC_CHECK((a = open("a", O_RDWR | O_CLOEXEC)) >= 0 && fcntl(a, F_SETLK, &wr) == 0);
    FSC_CHECK((b = open("b", O_RDONLY | O_CLOEXEC)) >= 0 && flock(b, LOCK_SH) == 0);
    FSC_CHECK((c = open("c", O_RDONLY | O_CLOEXEC)) >= 0 && fcntl(c, F_OFD_SETLK, &rd) == 0);
    report("fcntl", "POSIX", "a");
    report("flock", "FLOCK", "b");
    report("ofd", "OFDLCK", "c");
    FSC_CHECK(close(a) == 0 && close(b) == 0 && close(c) == 0);
}
#else
static void probe(void) { fsc_skip("no_proc_locks"); }
#endif

FSC_PROBE(probe)
