/*
 * ops_crt.c — the `crt` backend of the file-operations layer: the C runtime
 * alone, as a portable C program written against it sees files.
 *
 * Rule: an operation exists here when both C runtimes have a function for it
 * — glibc's (Linux) and Microsoft's (msvcrt.dll or the UCRT, whichever the
 * build links; see README "Library backends"). Each operation is one such
 * function; what the layer asks for that the runtime cannot express returns
 * FSC_UNSUPPORTED (observed as `unsupported`), never a native call instead.
 * tests/check_imports.py proves it from this object's undefined symbols.
 *
 *                     glibc                  Microsoft CRT
 *   fsc_op_open       open(2)                _wsopen: _O_BINARY always;
 *                     access, creation: as ops_posix.c (O_RDONLY / O_WRONLY /
 *                     O_RDWR, O_APPEND, O_CREAT mode 0666, O_EXCL, O_TRUNC);
 *                     not inherited: O_CLOEXEC / _O_NOINHERIT.
 *                     sharing: ignored     / _SH_DENYNO (read+write),
 *                       _SH_DENYWR (read), _SH_DENYRD (write), _SH_DENYRW
 *                       (none). FSC_SHARE_DELETE is not granted: the
 *                       CRT has no share mode with FILE_SHARE_DELETE, so
 *                       its opens never share delete and rename (a share
 *                       mode is what others may do: granting less is the
 *                       library's behaviour, which the probes observe).
 *                     FSC_DELETE/FSC_ATTRS: ignored (opens read-only, as
 *                       POSIX) / unsupported (no such access in _wsopen).
 *   fsc_op_close      close                  _close
 *   fsc_op_read/write read/write             _read/_write (one call each)
 *   fsc_op_seek       lseek                  _lseeki64
 *   fsc_op_truncate   ftruncate              _chsize_s
 *   fsc_op_rename     rename (ISO C)         _wrename
 *   fsc_op_unlink     unlink                 _wunlink
 *   fsc_op_mkdir      mkdir(0777)            _wmkdir
 *   fsc_op_rmdir      rmdir                  _wrmdir
 *   fsc_op_chdir      chdir                  _wchdir
 *   fsc_op_lock       lockf(F_TLOCK, len)    _locking(_LK_NBLCK, len)
 *                     at `off`: the position is moved there with lseek and
 *                     put back after. Exclusive only: a shared lock is
 *                     unsupported (neither has one); so is a range beyond
 *                     LONG_MAX or, for _locking, of length 0 ("to the end").
 *   fsc_op_unlock     lockf(F_ULOCK)         _locking(_LK_UNLCK), the same way
 *   fsc_op_stat       stat                   _wstat64
 *   fsc_op_fstat      fstat                  _fstat64; identity st_dev/st_ino,
 *                     times in whole seconds (both runtimes' struct has
 *                     nanoseconds only on glibc: used there)
 *   fsc_op_set_readonly stat + chmod (the   _wchmod(_S_IREAD, or
 *                     write bits cleared,    _S_IREAD | _S_IWRITE): the
 *                     or the owner's added)  runtime sets or clears
 *                                            FILE_ATTRIBUTE_READONLY
 *   fsc_op_set_times  utime (whole seconds)  _wutime64 (whole seconds);
 *                     a time left as it is: unsupported (utime sets both)
 *   fsc_op_list       opendir/readdir        _wfindfirst64/_wfindnext64
 *   fsc_op_link, fsc_op_map/unmap, fsc_op_set_inherit: unsupported (the
 *                     Microsoft CRT has no hard link, mapping or
 *                     change-inheritance function).
 *
 * On Windows, UTF-8 paths are converted to UTF-16 with MultiByteToWideChar
 * (a string conversion, no file call). Errors are errno values; a call that
 * fails without setting errno is `no_errno`.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#ifdef _WIN32
#include <direct.h>
#include <io.h>
#include <share.h>
#include <sys/locking.h>
#include <sys/utime.h>
#include <wchar.h>
#define WIN32_LEAN_AND_MEAN
#include <windows.h>   /* MultiByteToWideChar, WideCharToMultiByte only */
#else
#include <dirent.h>
#include <gnu/libc-version.h>
#include <unistd.h>
#include <utime.h>
#endif

/* A call that failed without setting errno (Wine's _locking does) is
 * `no_errno`, never mistaken for success. */
#define NO_ERRNO 0x7FFFFF02
static int failed(void) { return errno ? errno : NO_ERRNO; }
#define RESULT(v) ((v) < 0 ? failed() : 0)        /* errno cleared before the call */
#define TRY(call) (errno = 0, RESULT(call))

const char *fsc_op_errname(int err)
{
    return err == FSC_UNSUPPORTED ? "unsupported"
           : err == NO_ERRNO      ? "no_errno"
                                  : fsc_errno_name(err);
}

const char *fsc_op_backend(const char **version)
{
#if defined(__GLIBC__)
    *version = gnu_get_libc_version();
    return "crt-glibc";
#elif defined(_UCRT)
    *version = "";
    return "crt-ucrt";
#elif defined(_WIN32)
    *version = "";
    return "crt-msvcrt";
#else
    *version = "";
    return "crt";
#endif
}

/* ------------------------------------------------ one place per runtime -- */
#ifdef _WIN32
typedef struct wpath {
    wchar_t s[1024];
} wpath;

static int widen(const char *path, wpath *w)
{
    return MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w->s, 1024) > 0
               ? 0
               : EINVAL;
}
#define WIDEN(p, w)                                                           \
    wpath w;                                                                  \
    do {                                                                      \
        if (widen(p, &w)) return EINVAL;                                      \
    } while (0)

static int crt_open(const char *path, int o, int flags, fsc_fd *out)
{
    int sh;
    if (flags & (FSC_DELETE | FSC_ATTRS)) return FSC_UNSUPPORTED;
    switch (flags & FSC_SHARE_CRT) {
    case FSC_SHARE_CRT: sh = _SH_DENYNO; break;
    case FSC_SHARE_READ: sh = _SH_DENYWR; break;
    case FSC_SHARE_WRITE: sh = _SH_DENYRD; break;
    default: sh = _SH_DENYRW; break;
    }
    WIDEN(path, w);
    o |= _O_BINARY;
    if (!(flags & FSC_INHERIT)) o |= _O_NOINHERIT;
    errno = 0;
    int fd = _wsopen(w.s, o, sh, _S_IREAD | _S_IWRITE);
    *out = fd < 0 ? FSC_NOFD : fd;
    return RESULT(fd);
}
#define CRT(posix, win) win
#define PATHCALL(call, path)                                                  \
    do {                                                                      \
        WIDEN(path, w_);                                                      \
        return TRY(call(w_.s));                                            \
    } while (0)
#else
static int crt_open(const char *path, int o, int flags, fsc_fd *out)
{
    if (!(flags & FSC_INHERIT)) o |= O_CLOEXEC;
    errno = 0;
    int fd = open(path, o, 0666);
    *out = fd < 0 ? FSC_NOFD : fd;
    return RESULT(fd);
}
#define CRT(posix, win) posix
#define PATHCALL(call, path) return TRY(call(path))
#endif

/* ------------------------------------------------------------- the layer -- */

int fsc_op_open(const char *path, int flags, fsc_fd *out)
{
    int o = (flags & FSC_RDWR) == FSC_RDWR ? O_RDWR
            : (flags & FSC_WRITE)          ? O_WRONLY
                                           : O_RDONLY;
    *out = FSC_NOFD;
    if (flags & FSC_APPEND) o |= O_APPEND;
    if (flags & FSC_CREATE) o |= O_CREAT;
    if (flags & FSC_EXCL) o |= O_EXCL;
    if (flags & FSC_TRUNC) o |= O_TRUNC;
    return crt_open(path, o, flags, out);
}

int fsc_op_close(fsc_fd fd) { return TRY(CRT(close, _close)((int)fd)); }

int fsc_op_read(fsc_fd fd, void *buf, size_t n, size_t *done)
{
    errno = 0;
    long r = (long)CRT(read, _read)((int)fd, buf, (unsigned)(n > INT_MAX ? INT_MAX : n));
    *done = r < 0 ? 0 : (size_t)r;
    return RESULT(r);
}

int fsc_op_write(fsc_fd fd, const void *buf, size_t n, size_t *done)
{
    errno = 0;
    long r = (long)CRT(write, _write)((int)fd, buf, (unsigned)(n > INT_MAX ? INT_MAX : n));
    *done = r < 0 ? 0 : (size_t)r;
    return RESULT(r);
}

int fsc_op_seek(fsc_fd fd, long long off, int whence, long long *pos)
{
    static const int w[] = {SEEK_SET, SEEK_CUR, SEEK_END};
    errno = 0;
    long long r = CRT(lseek, _lseeki64)((int)fd, off, w[whence]);
    if (pos) *pos = r;
    return RESULT(r);
}

int fsc_op_truncate(fsc_fd fd, long long size)
{
#ifdef _WIN32
    return _chsize_s((int)fd, size);
#else
    return TRY(ftruncate((int)fd, (off_t)size));
#endif
}

int fsc_op_rename(const char *from, const char *to)
{
#ifdef _WIN32
    WIDEN(from, a);
    WIDEN(to, b);
    return TRY(_wrename(a.s, b.s));
#else
    return TRY(rename(from, to));
#endif
}

int fsc_op_unlink(const char *path) { PATHCALL(CRT(unlink, _wunlink), path); }

int fsc_op_mkdir(const char *path)
{
#ifdef _WIN32
    PATHCALL(_wmkdir, path);
#else
    return TRY(mkdir(path, 0777));
#endif
}

int fsc_op_rmdir(const char *path) { PATHCALL(CRT(rmdir, _wrmdir), path); }

int fsc_op_chdir(const char *path) { PATHCALL(CRT(chdir, _wchdir), path); }

int fsc_op_link(const char *from, const char *to)
{
    (void)from, (void)to;
    return FSC_UNSUPPORTED;
}

int fsc_op_set_inherit(fsc_fd fd, int inherit)
{
    (void)fd, (void)inherit;
    return FSC_UNSUPPORTED;
}

/* lockf/_locking work from the current position: move there, lock, move back. */
static int lock_at(fsc_fd fd, long long off, long long len, int how)
{
    long long here;
    int err = fsc_op_seek(fd, 0, FSC_SEEK_CUR, &here);
    if (err) return err;
    if ((err = fsc_op_seek(fd, off, FSC_SEEK_SET, NULL))) return err;
    err = TRY(CRT(lockf, _locking)((int)fd, how, (long)len));
    fsc_op_seek(fd, here, FSC_SEEK_SET, NULL);
    return err;
}

static int lock_range_ok(long long len)
{
#ifdef _WIN32
    if (len == 0) return 0;
#endif
    return len >= 0 && len <= LONG_MAX;
}

int fsc_op_lock(fsc_fd fd, long long off, long long len, int kind)
{
    if (kind != FSC_LOCK_EXCL || !lock_range_ok(len)) return FSC_UNSUPPORTED;
    return lock_at(fd, off, len, CRT(F_TLOCK, _LK_NBLCK));
}

int fsc_op_unlock(fsc_fd fd, long long off, long long len)
{
    if (!lock_range_ok(len)) return FSC_UNSUPPORTED;
    return lock_at(fd, off, len, CRT(F_ULOCK, _LK_UNLCK));
}

int fsc_op_map(fsc_fd fd, long long off, size_t len, int prot, void **addr)
{
    (void)fd, (void)off, (void)len, (void)prot;
    *addr = NULL;
    return FSC_UNSUPPORTED;
}

int fsc_op_unmap(void *addr, size_t len)
{
    (void)addr, (void)len;
    return FSC_UNSUPPORTED;
}

#ifdef _WIN32
typedef struct _stat64 crt_stat;
#define NSEC(s, which) 0L
#else
typedef struct stat crt_stat;
#define NSEC(s, which) (s)->st_##which##tim.tv_nsec
#endif

static void fill(const crt_stat *s, fsc_stat *st)
{
    memset(st, 0, sizeof *st);
    st->dev = (unsigned long long)s->st_dev;
    st->ino = (unsigned long long)s->st_ino;
    st->type = (s->st_mode & S_IFMT) == S_IFREG   ? FSC_TYPE_FILE
               : (s->st_mode & S_IFMT) == S_IFDIR ? FSC_TYPE_DIR
                                                  : FSC_TYPE_OTHER;
    st->size = (long long)s->st_size;
    st->nlink = (long long)s->st_nlink;
    st->atime = (fsc_time){(long long)s->st_atime, NSEC(s, a)};
    st->mtime = (fsc_time){(long long)s->st_mtime, NSEC(s, m)};
    st->ctime = (fsc_time){(long long)s->st_ctime, NSEC(s, c)};
}

int fsc_op_stat(const char *path, fsc_stat *st)
{
    crt_stat s;
#ifdef _WIN32
    WIDEN(path, w);
    int err = TRY(_wstat64(w.s, &s));
#else
    int err = TRY(stat(path, &s));
#endif
    if (!err) fill(&s, st);
    return err;
}

int fsc_op_fstat(fsc_fd fd, fsc_stat *st)
{
    crt_stat s;
    int err = TRY(CRT(fstat, _fstat64)((int)fd, &s));
    if (!err) fill(&s, st);
    return err;
}

int fsc_op_set_readonly(const char *path, int readonly)
{
#ifdef _WIN32
    WIDEN(path, w);
    return TRY(_wchmod(w.s, readonly ? _S_IREAD : _S_IREAD | _S_IWRITE));
#else
    struct stat s;
    int err = TRY(stat(path, &s));
    if (err) return err;
    mode_t m = s.st_mode & 07777;
    return TRY(chmod(path, readonly ? m & ~(mode_t)0222 : m | 0200));
#endif
}

int fsc_op_set_times(const char *path, const fsc_time *atime, const fsc_time *mtime)
{
    if (!atime || !mtime) return FSC_UNSUPPORTED;
#ifdef _WIN32
    struct __utimbuf64 t = {(__time64_t)atime->sec, (__time64_t)mtime->sec};
    WIDEN(path, w);
    return TRY(_wutime64(w.s, &t));
#else
    struct utimbuf t = {(time_t)atime->sec, (time_t)mtime->sec};
    return TRY(utime(path, &t));
#endif
}

static void add_name(char (*names)[FSC_NAME_MAX], int max, int *count, const char *name)
{
    if (!strcmp(name, ".") || !strcmp(name, "..")) return;
    if (*count < max) snprintf(names[*count], FSC_NAME_MAX, "%s", name);
    ++*count;
}

int fsc_op_list(const char *dir, char (*names)[FSC_NAME_MAX], int max, int *count)
{
    *count = 0;
#ifdef _WIN32
    char pattern[1024];
    struct _wfinddata64_t e;
    if (snprintf(pattern, sizeof pattern, "%s\\*", dir) >= (int)sizeof pattern) return ENAMETOOLONG;
    WIDEN(pattern, w);
    errno = 0;
    intptr_t d = _wfindfirst64(w.s, &e);
    if (d == -1) return failed();
    do {
        char u8[4 * 260];
        if (!WideCharToMultiByte(CP_UTF8, 0, e.name, -1, u8, sizeof u8, NULL, NULL)) u8[0] = 0;
        add_name(names, max, count, u8);
    } while (_wfindnext64(d, &e) == 0);
    int err = errno == ENOENT ? 0 : errno;
    _findclose(d);
    return err;
#else
    errno = 0;
    DIR *d = opendir(dir);
    if (!d) return failed();
    errno = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL; errno = 0) add_name(names, max, count, e->d_name);
    int err = errno;
    closedir(d);
    return err;
#endif
}
