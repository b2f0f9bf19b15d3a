/*
 * ops_posix.c — the native backend of the file-operations layer on POSIX.
 *
 * Each operation is one documented system call, so what a portable probe
 * observes here is what that call does on this system:
 *
 *   fsc_op_open       open(2): FSC_READ/WRITE -> O_RDONLY/O_WRONLY/O_RDWR
 *                     (neither: O_RDONLY), FSC_APPEND -> O_APPEND,
 *                     FSC_CREATE -> O_CREAT (mode 0666 before umask),
 *                     FSC_EXCL -> O_EXCL, FSC_TRUNC -> O_TRUNC; without
 *                     FSC_INHERIT -> O_CLOEXEC. Share modes and the access
 *                     rights FSC_DELETE/FSC_ATTRS have no POSIX counterpart
 *                     and are ignored.
 *   fsc_op_close      close(2)
 *   fsc_op_read/write read(2)/write(2), one call (a short count is reported,
 *                     not retried); retried only on EINTR
 *   fsc_op_seek       lseek(2)
 *   fsc_op_truncate   ftruncate(2)
 *   fsc_op_rename     rename(2): replaces an existing destination atomically
 *   fsc_op_unlink     unlink(2);  fsc_op_link link(2);
 *   fsc_op_mkdir      mkdir(2) mode 0777;
 *   fsc_op_rmdir      rmdir(2);   fsc_op_chdir chdir(2)
 *   fsc_op_set_inherit fcntl(2) F_SETFD: FD_CLOEXEC cleared or set
 *   fsc_op_lock       fcntl(2) F_SETLK (never F_SETLKW) with F_RDLCK/F_WRLCK,
 *                     l_whence SEEK_SET: a process-associated record lock
 *   fsc_op_unlock     fcntl(2) F_SETLK with F_UNLCK
 *   fsc_op_map        mmap(2) with MAP_SHARED, or MAP_PRIVATE for
 *                     FSC_MAP_PRIVATE; PROT_READ and/or PROT_WRITE
 *   fsc_op_unmap      munmap(2)
 *   fsc_op_stat       stat(2) (follows symbolic links); fsc_op_fstat fstat(2);
 *                     identity: st_dev and st_ino
 *   fsc_op_set_readonly stat(2) + chmod(2): the mode without the three write
 *                     bits, or with the owner's write bit added
 *   fsc_op_set_times  utimensat(2) relative to AT_FDCWD, flags 0, UTIME_OMIT
 *                     for a time left as it is
 *   fsc_op_list       opendir(3) + readdir(3) + closedir(3)
 *
 * Errors are errno values, named by fsc_errno_name.
 */
#define _GNU_SOURCE
#include "fsc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define RESULT(expr) ((expr) < 0 ? errno : 0)

const char *fsc_op_errname(int err) { return fsc_errno_name(err); }

const char *fsc_op_backend(const char **version)
{
    *version = "";
    return "posix";
}

int fsc_op_open(const char *path, int flags, fsc_fd *out)
{
    int o = (flags & FSC_RDWR) == FSC_RDWR ? O_RDWR
            : (flags & FSC_WRITE)          ? O_WRONLY
                                           : O_RDONLY;
    if (flags & FSC_APPEND) o |= O_APPEND;
    if (flags & FSC_CREATE) o |= O_CREAT;
    if (flags & FSC_EXCL) o |= O_EXCL;
    if (flags & FSC_TRUNC) o |= O_TRUNC;
    if (!(flags & FSC_INHERIT)) o |= O_CLOEXEC;
    int fd = open(path, o, 0666);
    *out = fd < 0 ? FSC_NOFD : fd;
    return RESULT(fd);
}

int fsc_op_close(fsc_fd fd) { return RESULT(close((int)fd)); }

int fsc_op_read(fsc_fd fd, void *buf, size_t n, size_t *done)
{
    ssize_t r;
    while ((r = read((int)fd, buf, n)) < 0 && errno == EINTR)
        ;
    *done = r < 0 ? 0 : (size_t)r;
    return RESULT(r);
}

int fsc_op_write(fsc_fd fd, const void *buf, size_t n, size_t *done)
{
    ssize_t r;
    while ((r = write((int)fd, buf, n)) < 0 && errno == EINTR)
        ;
    *done = r < 0 ? 0 : (size_t)r;
    return RESULT(r);
}

int fsc_op_seek(fsc_fd fd, long long off, int whence, long long *pos)
{
    static const int w[] = {SEEK_SET, SEEK_CUR, SEEK_END};
    off_t r = lseek((int)fd, (off_t)off, w[whence]);
    if (pos) *pos = r;
    return RESULT(r);
}

int fsc_op_truncate(fsc_fd fd, long long size) { return RESULT(ftruncate((int)fd, (off_t)size)); }

int fsc_op_rename(const char *from, const char *to) { return RESULT(rename(from, to)); }

int fsc_op_unlink(const char *path) { return RESULT(unlink(path)); }

int fsc_op_link(const char *from, const char *to) { return RESULT(link(from, to)); }

int fsc_op_mkdir(const char *path) { return RESULT(mkdir(path, 0777)); }

int fsc_op_rmdir(const char *path) { return RESULT(rmdir(path)); }

int fsc_op_chdir(const char *path) { return RESULT(chdir(path)); }

int fsc_op_set_inherit(fsc_fd fd, int inherit)
{
    return RESULT(fcntl((int)fd, F_SETFD, inherit ? 0 : FD_CLOEXEC));
}

static int setlk(fsc_fd fd, short type, long long off, long long len)
{
    struct flock fl = {0};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = (off_t)off;
    fl.l_len = (off_t)len;
    return RESULT(fcntl((int)fd, F_SETLK, &fl));
}

int fsc_op_lock(fsc_fd fd, long long off, long long len, int kind)
{
    return setlk(fd, kind == FSC_LOCK_EXCL ? F_WRLCK : F_RDLCK, off, len);
}

int fsc_op_unlock(fsc_fd fd, long long off, long long len) { return setlk(fd, F_UNLCK, off, len); }

int fsc_op_map(fsc_fd fd, long long off, size_t len, int prot, void **addr)
{
    int p = (prot & FSC_MAP_READ ? PROT_READ : 0) | (prot & FSC_MAP_WRITE ? PROT_WRITE : 0);
    void *a = mmap(NULL, len, p, prot & FSC_MAP_PRIVATE ? MAP_PRIVATE : MAP_SHARED, (int)fd,
                   (off_t)off);
    *addr = a == MAP_FAILED ? NULL : a;
    return a == MAP_FAILED ? errno : 0;
}

int fsc_op_unmap(void *addr, size_t len) { return RESULT(munmap(addr, len)); }

static fsc_time ts(struct timespec t) { return (fsc_time){t.tv_sec, t.tv_nsec}; }

static void fill(const struct stat *s, fsc_stat *st)
{
    st->dev = (unsigned long long)s->st_dev;
    st->ino = (unsigned long long)s->st_ino;
    st->type = S_ISREG(s->st_mode)   ? FSC_TYPE_FILE
               : S_ISDIR(s->st_mode) ? FSC_TYPE_DIR
               : S_ISLNK(s->st_mode) ? FSC_TYPE_LINK
                                     : FSC_TYPE_OTHER;
    st->size = s->st_size;
    st->nlink = (long long)s->st_nlink;
#ifdef __APPLE__
    st->atime = ts(s->st_atimespec);
    st->mtime = ts(s->st_mtimespec);
    st->ctime = ts(s->st_ctimespec);
#else
    st->atime = ts(s->st_atim);
    st->mtime = ts(s->st_mtim);
    st->ctime = ts(s->st_ctim);
#endif
}

int fsc_op_stat(const char *path, fsc_stat *st)
{
    struct stat s;
    if (stat(path, &s)) return errno;
    fill(&s, st);
    return 0;
}

int fsc_op_fstat(fsc_fd fd, fsc_stat *st)
{
    struct stat s;
    if (fstat((int)fd, &s)) return errno;
    fill(&s, st);
    return 0;
}

int fsc_op_set_readonly(const char *path, int readonly)
{
    struct stat st;
    if (stat(path, &st) < 0) return errno;
    mode_t m = st.st_mode & 07777;
    return RESULT(chmod(path, readonly ? m & ~(mode_t)0222 : m | 0200));
}

int fsc_op_set_times(const char *path, const fsc_time *atime, const fsc_time *mtime)
{
    struct timespec t[2] = {{0, UTIME_OMIT}, {0, UTIME_OMIT}};
    if (atime) t[0] = (struct timespec){(time_t)atime->sec, atime->nsec};
    if (mtime) t[1] = (struct timespec){(time_t)mtime->sec, mtime->nsec};
    return RESULT(utimensat(AT_FDCWD, path, t, 0));
}

int fsc_op_list(const char *dir, char (*names)[FSC_NAME_MAX], int max, int *count)
{
    DIR *d = opendir(dir);
    if (!d) return errno;
    *count = 0;
    errno = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL; errno = 0) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (*count < max) snprintf(names[*count], FSC_NAME_MAX, "%s", e->d_name);
        ++*count;
    }
    int err = errno;
    closedir(d);
    return err;
}
