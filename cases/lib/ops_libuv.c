/*
 * ops_libuv.c — the `libuv` backend of the file-operations layer: libuv's
 * synchronous file calls (uv_fs_* with a NULL callback, on one loop).
 *
 * Each operation is one libuv call; what libuv has no call for returns
 * FSC_UNSUPPORTED (observed as `unsupported`), never a system call instead
 * (tests/check_imports.py proves it from this object's undefined symbols).
 *
 *   fsc_op_open       uv_fs_open: FSC_READ/WRITE -> UV_FS_O_RDONLY/_WRONLY/
 *                     _RDWR, FSC_APPEND -> UV_FS_O_APPEND, FSC_CREATE ->
 *                     UV_FS_O_CREAT (mode 0666), FSC_EXCL -> UV_FS_O_EXCL,
 *                     FSC_TRUNC -> UV_FS_O_TRUNC. Share modes and FSC_DELETE/
 *                     FSC_ATTRS: libuv has none (on Windows it always shares
 *                     read, write and delete), ignored. FSC_INHERIT:
 *                     unsupported (libuv always opens close-on-exec /
 *                     non-inheritable: src/unix/fs.c uv__fs_open adds
 *                     O_CLOEXEC).
 *   fsc_op_close      uv_fs_close
 *   fsc_op_read/write uv_fs_read/uv_fs_write, one buffer, offset -1 (the
 *                     descriptor's position)
 *   fsc_op_seek       unsupported (libuv has no seek: reads and writes take
 *                     an offset instead)
 *   fsc_op_truncate   uv_fs_ftruncate
 *   fsc_op_rename     uv_fs_rename;  fsc_op_unlink uv_fs_unlink;
 *   fsc_op_link       uv_fs_link;    fsc_op_mkdir uv_fs_mkdir (0777);
 *   fsc_op_rmdir      uv_fs_rmdir;   fsc_op_chdir uv_chdir
 *   fsc_op_set_inherit, fsc_op_lock/unlock, fsc_op_map/unmap: unsupported
 *                     (libuv has no such calls)
 *   fsc_op_stat       uv_fs_stat;  fsc_op_fstat uv_fs_fstat (uv_stat_t:
 *                     st_dev/st_ino, nanosecond times)
 *   fsc_op_set_readonly uv_fs_stat + uv_fs_chmod: st_mode without the three
 *                     write bits, or with the owner's (0200) added. On
 *                     Windows libuv's chmod sets FILE_ATTRIBUTE_READONLY when
 *                     _S_IWRITE (0200) is clear, else clears it (src/win/fs.c
 *                     fs__chmod)
 *   fsc_op_set_times  uv_fs_utime: times as a double of seconds (so about
 *                     0.2 us resolution near 2026); a time left as it is:
 *                     unsupported (libuv 1.44 has no UV_FS_UTIME_OMIT)
 *   fsc_op_list       uv_fs_scandir + uv_fs_scandir_next
 *
 * Errors are libuv's negative codes, stored positive, named by uv_err_name.
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>
#include <uv.h>

static uv_loop_t *loop(void) { return uv_default_loop(); }

/* One synchronous request: its result (>= 0) or 0 / a positive libuv error. */
#define DO(call, ...)                                                         \
    do {                                                                      \
        uv_fs_t req_;                                                         \
        int r_ = call(loop(), &req_, __VA_ARGS__, NULL);                      \
        uv_fs_req_cleanup(&req_);                                             \
        return r_ < 0 ? -r_ : 0;                                              \
    } while (0)

const char *fsc_op_errname(int err)
{
    return err == FSC_UNSUPPORTED ? "unsupported" : uv_err_name(-err);
}

const char *fsc_op_backend(const char **version)
{
    *version = uv_version_string();
    return "libuv";
}

int fsc_op_open(const char *path, int flags, fsc_fd *out)
{
    int o = (flags & FSC_RDWR) == FSC_RDWR ? UV_FS_O_RDWR
            : (flags & FSC_WRITE)          ? UV_FS_O_WRONLY
                                           : UV_FS_O_RDONLY;
    *out = FSC_NOFD;
    if (flags & FSC_INHERIT) return FSC_UNSUPPORTED;
    if (flags & FSC_APPEND) o |= UV_FS_O_APPEND;
    if (flags & FSC_CREATE) o |= UV_FS_O_CREAT;
    if (flags & FSC_EXCL) o |= UV_FS_O_EXCL;
    if (flags & FSC_TRUNC) o |= UV_FS_O_TRUNC;
    uv_fs_t req;
    int r = uv_fs_open(loop(), &req, path, o, 0666, NULL);
    uv_fs_req_cleanup(&req);
    if (r < 0) return -r;
    *out = r;
    return 0;
}

int fsc_op_close(fsc_fd fd) { DO(uv_fs_close, (uv_file)fd); }

static int transfer(int write, fsc_fd fd, void *buf, size_t n, size_t *done)
{
    uv_fs_t req;
    uv_buf_t b = uv_buf_init(buf, (unsigned)(n > 0x7fffffff ? 0x7fffffff : n));
    int r = write ? uv_fs_write(loop(), &req, (uv_file)fd, &b, 1, -1, NULL)
                  : uv_fs_read(loop(), &req, (uv_file)fd, &b, 1, -1, NULL);
    uv_fs_req_cleanup(&req);
    *done = r < 0 ? 0 : (size_t)r;
    return r < 0 ? -r : 0;
}

int fsc_op_read(fsc_fd fd, void *buf, size_t n, size_t *done) { return transfer(0, fd, buf, n, done); }

int fsc_op_write(fsc_fd fd, const void *buf, size_t n, size_t *done)
{
    return transfer(1, fd, (void *)buf, n, done);
}

int fsc_op_seek(fsc_fd fd, long long off, int whence, long long *pos)
{
    (void)fd, (void)off, (void)whence;
    if (pos) *pos = -1;
    return FSC_UNSUPPORTED;
}

int fsc_op_truncate(fsc_fd fd, long long size) { DO(uv_fs_ftruncate, (uv_file)fd, size); }

int fsc_op_rename(const char *from, const char *to) { DO(uv_fs_rename, from, to); }

int fsc_op_unlink(const char *path) { DO(uv_fs_unlink, path); }

int fsc_op_link(const char *from, const char *to) { DO(uv_fs_link, from, to); }

int fsc_op_mkdir(const char *path) { DO(uv_fs_mkdir, path, 0777); }

int fsc_op_rmdir(const char *path) { DO(uv_fs_rmdir, path); }

int fsc_op_chdir(const char *path)
{
    int r = uv_chdir(path);
    return r < 0 ? -r : 0;
}

int fsc_op_set_inherit(fsc_fd fd, int inherit)
{
    (void)fd, (void)inherit;
    return FSC_UNSUPPORTED;
}

int fsc_op_lock(fsc_fd fd, long long off, long long len, int kind)
{
    (void)fd, (void)off, (void)len, (void)kind;
    return FSC_UNSUPPORTED;
}

int fsc_op_unlock(fsc_fd fd, long long off, long long len)
{
    (void)fd, (void)off, (void)len;
    return FSC_UNSUPPORTED;
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

static fsc_time ts(uv_timespec_t t) { return (fsc_time){t.tv_sec, (long)t.tv_nsec}; }

static int filled(int r, uv_fs_t *req, fsc_stat *st)
{
    if (r >= 0) {
        const uv_stat_t *s = &req->statbuf;
        memset(st, 0, sizeof *st);
        st->dev = s->st_dev;
        st->ino = s->st_ino;
        st->type = (s->st_mode & S_IFMT) == S_IFREG   ? FSC_TYPE_FILE
                   : (s->st_mode & S_IFMT) == S_IFDIR ? FSC_TYPE_DIR
                   : (s->st_mode & S_IFMT) == S_IFLNK ? FSC_TYPE_LINK
                                                      : FSC_TYPE_OTHER;
        st->size = (long long)s->st_size;
        st->nlink = (long long)s->st_nlink;
        st->atime = ts(s->st_atim);
        st->mtime = ts(s->st_mtim);
        st->ctime = ts(s->st_ctim);
    }
    uv_fs_req_cleanup(req);
    return r < 0 ? -r : 0;
}

int fsc_op_stat(const char *path, fsc_stat *st)
{
    uv_fs_t req;
    return filled(uv_fs_stat(loop(), &req, path, NULL), &req, st);
}

int fsc_op_fstat(fsc_fd fd, fsc_stat *st)
{
    uv_fs_t req;
    return filled(uv_fs_fstat(loop(), &req, (uv_file)fd, NULL), &req, st);
}

int fsc_op_set_readonly(const char *path, int readonly)
{
    uv_fs_t req;
    int r = uv_fs_stat(loop(), &req, path, NULL);
    int mode = (int)(req.statbuf.st_mode & 07777);
    uv_fs_req_cleanup(&req);
    if (r < 0) return -r;
    DO(uv_fs_chmod, path, readonly ? mode & ~0222 : mode | 0200);
}

int fsc_op_set_times(const char *path, const fsc_time *atime, const fsc_time *mtime)
{
    if (!atime || !mtime) return FSC_UNSUPPORTED;
    DO(uv_fs_utime, path, (double)atime->sec + atime->nsec / 1e9,
       (double)mtime->sec + mtime->nsec / 1e9);
}

int fsc_op_list(const char *dir, char (*names)[FSC_NAME_MAX], int max, int *count)
{
    uv_fs_t req;
    uv_dirent_t e;
    *count = 0;
    int r = uv_fs_scandir(loop(), &req, dir, 0, NULL);
    if (r >= 0) {
        while (uv_fs_scandir_next(&req, &e) == 0) {
            if (*count < max) snprintf(names[*count], FSC_NAME_MAX, "%s", e.name);
            ++*count;
        }
    }
    uv_fs_req_cleanup(&req);
    return r < 0 ? -r : 0;
}
