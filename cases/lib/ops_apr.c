/*
 * ops_apr.c — the `apr` backend of the file-operations layer: the Apache
 * Portable Runtime's file calls (apr_file_*, apr_dir_*, apr_stat, apr_mmap_*).
 * Linux: Debian's libapr1-dev; Windows: Debian's apr source package built
 * with mingw-w64 by runners/apr-mingw (file_io/win32/).
 *
 * Each operation is one APR call (or two, said below); what APR has no way to
 * do returns FSC_UNSUPPORTED (observed as `unsupported`), never a system call
 * instead (tests/check_imports.py proves it from this object's undefined
 * symbols). Memory: APR allocates from pools; this backend has one global
 * pool, made on first use and never cleared (a probe is a short process), so
 * an apr_file_t stays valid after apr_file_close and a second close or a read
 * after close reaches APR, not freed memory.
 * The fsc_fd is the system's descriptor (HANDLE on Windows) that
 * apr_os_file_get gives, so that a child can be told it: this process keeps a
 * table from it to its apr_file_t, and a descriptor not in the table (one a
 * child inherited) is wrapped by apr_os_file_put, APR's call for adopting a
 * system file (then read and write, no append, unbuffered).
 *
 *   fsc_op_open       apr_file_open(path, flags, APR_FPROT_OS_DEFAULT):
 *                     FSC_READ -> APR_FOPEN_READ, FSC_WRITE -> APR_FOPEN_WRITE,
 *                     FSC_APPEND -> APR_FOPEN_APPEND, FSC_CREATE ->
 *                     APR_FOPEN_CREATE, FSC_EXCL -> APR_FOPEN_EXCL, FSC_TRUNC
 *                     -> APR_FOPEN_TRUNCATE; always APR_FOPEN_BINARY and
 *                     APR_FOPEN_LARGEFILE, never APR_FOPEN_BUFFERED (each
 *                     read and write reaches the system, as the layer asks).
 *                     FSC_DELETE/FSC_ATTRS without READ or WRITE open for
 *                     reading, as the native POSIX backend does (APR refuses
 *                     an open with neither: APR_EACCES). Share modes: APR has
 *                     none (Windows: file_io/win32/open.c apr_file_open always
 *                     passes FILE_SHARE_READ|WRITE|DELETE), ignored.
 *                     FSC_INHERIT: apr_file_inherit_set after the open (APR
 *                     opens close-on-exec / non-inheritable).
 *   fsc_op_close      apr_file_close
 *   fsc_op_read       apr_file_read (APR_EOF is a count of 0, no error)
 *   fsc_op_write      apr_file_write
 *   fsc_op_seek       apr_file_seek (APR_SET/APR_CUR/APR_END)
 *   fsc_op_truncate   apr_file_trunc — which also moves the file position to
 *                     the new size (file_io/unix/seek.c and win32/seek.c)
 *   fsc_op_rename     apr_file_rename;  fsc_op_unlink apr_file_remove;
 *   fsc_op_link       apr_file_link;    fsc_op_mkdir apr_dir_make
 *                     (APR_FPROT_OS_DEFAULT); fsc_op_rmdir apr_dir_remove;
 *   fsc_op_chdir      apr_filepath_set
 *   fsc_op_set_inherit apr_file_inherit_set / apr_file_inherit_unset
 *   fsc_op_lock       apr_file_lock(APR_FLOCK_SHARED or APR_FLOCK_EXCLUSIVE,
 *                     | APR_FLOCK_NONBLOCK), fsc_op_unlock apr_file_unlock.
 *                     APR locks the whole file (Debian's Linux build: flock,
 *                     debian/patches/use_fcntl_locking.patch; Windows:
 *                     LockFileEx over every offset), so a range is locked
 *                     only when it starts at 0 and reaches the file's current
 *                     end (apr_file_info_get APR_FINFO_SIZE), as the Rust
 *                     backend does; any other range is unsupported.
 *   fsc_op_map        apr_mmap_create (APR_MMAP_READ/APR_MMAP_WRITE, always a
 *                     shared mapping: FSC_MAP_PRIVATE is unsupported),
 *                     fsc_op_unmap apr_mmap_delete of the mapping at `addr`
 *   fsc_op_stat       apr_stat;  fsc_op_fstat apr_file_info_get: APR_FINFO_TYPE,
 *                     SIZE, IDENT (device, inode), NLINK, ATIME, MTIME, CTIME.
 *                     APR's times are microseconds (apr_time_t): the
 *                     nanoseconds are gone. A field APR could not fill
 *                     (APR_INCOMPLETE, finfo.valid): dev 0, ino 0, nlink -1, a
 *                     time 0. Windows: ctime is the creation time
 *                     (file_io/win32/filestat.c fillin_fileinfo).
 *   fsc_op_set_readonly apr_file_attrs_set(APR_FILE_ATTR_READONLY or 0, mask
 *                     APR_FILE_ATTR_READONLY). Unix: apr_stat + chmod without
 *                     the three write bits, or with all three added
 *                     (file_io/unix/filestat.c); Windows:
 *                     FILE_ATTRIBUTE_READONLY set or cleared
 *                     (file_io/win32/filestat.c)
 *   fsc_op_set_times  apr_file_mtime_set, which sets the modification time
 *                     only (and rewrites the access time with the microseconds
 *                     it read): an access time to set is unsupported
 *   fsc_op_list       apr_dir_open + apr_dir_read (APR_FINFO_NAME) until
 *                     APR_ENOENT + apr_dir_close
 *
 * Errors are apr_status_t values: an errno (below APR_OS_START_ERROR) by its
 * errno name; APR's own codes by their APR_ names; on Windows a system error
 * (APR_OS_START_SYSERR + code) by its Win32 name.
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

#include <apr_file_info.h>
#include <apr_file_io.h>
#include <apr_general.h>
#include <apr_mmap.h>
#include <apr_pools.h>
#include <apr_portable.h>
#include <apr_version.h>
#ifdef _WIN32
#include "fsc_win32.h"
#endif

static apr_pool_t *pool(void)
{
    static apr_pool_t *p;
    if (!p && (apr_initialize() != APR_SUCCESS || apr_pool_create(&p, NULL) != APR_SUCCESS))
        fsc_fail("apr: apr_initialize or apr_pool_create failed");
    return p;
}

/* The files this process opened or adopted, one per descriptor: a closed
 * one stays (a second close reaches APR's apr_file_t) until the system
 * reuses its descriptor for a new open. */
static struct {
    fsc_fd os;
    apr_file_t *f;
} files[4096];
static int nfiles;

static fsc_fd remember(apr_file_t *f)
{
    apr_os_file_t os;
    int i = 0;
    FSC_CHECK(apr_os_file_get(&os, f) == APR_SUCCESS);
    while (i < nfiles && files[i].os != (fsc_fd)os) i++;
    if (i == (int)(sizeof files / sizeof files[0])) fsc_fail("apr: more than 4096 files open");
    if (i == nfiles) nfiles++;
    files[i].os = (fsc_fd)os;
    files[i].f = f;
    return (fsc_fd)os;
}

static apr_file_t *file(fsc_fd fd)
{
    apr_file_t *f;
    apr_os_file_t os = (apr_os_file_t)fd;
    for (int i = 0; i < nfiles; i++)
        if (files[i].os == fd) return files[i].f;
    if (apr_os_file_put(&f, &os, APR_FOPEN_READ | APR_FOPEN_WRITE, pool()) != APR_SUCCESS)
        fsc_fail("apr: apr_os_file_put failed");
    remember(f);
    return f;
}

const char *fsc_op_errname(int err)
{
    static const struct {
        apr_status_t code;
        const char *name;
    } own[] = {
        {APR_ENOTIMPL, "APR_ENOTIMPL"},   {APR_EOF, "APR_EOF"},
        {APR_INCOMPLETE, "APR_INCOMPLETE"}, {APR_EGENERAL, "APR_EGENERAL"},
        {APR_EBADPATH, "APR_EBADPATH"},   {APR_EABOVEROOT, "APR_EABOVEROOT"},
        {APR_EINCOMPLETE, "APR_EINCOMPLETE"}, {APR_ENOSTAT, "APR_ENOSTAT"},
        {APR_ENOPOOL, "APR_ENOPOOL"},     {APR_ENODIR, "APR_ENODIR"},
        {APR_EPATHWILD, "APR_EPATHWILD"},
    };
    static char other[32];
    if (err == FSC_UNSUPPORTED) return "unsupported";
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (own[i].code == err) return own[i].name;
#ifdef _WIN32
    if (err >= APR_OS_START_SYSERR)
        return fsc_win32_error_name((unsigned long)(err - APR_OS_START_SYSERR));
#endif
    if (err < APR_OS_START_ERROR) return fsc_errno_name(err);
    snprintf(other, sizeof other, "apr_status_%d", err);
    return other;
}

const char *fsc_op_backend(const char **version)
{
    *version = apr_version_string();
    return "apr";
}

int fsc_op_open(const char *path, int flags, fsc_fd *out)
{
    apr_int32_t f = APR_FOPEN_BINARY | APR_FOPEN_LARGEFILE;
    apr_file_t *fp;
    *out = FSC_NOFD;
    if (flags & FSC_READ || !(flags & FSC_WRITE)) f |= APR_FOPEN_READ;
    if (flags & FSC_WRITE) f |= APR_FOPEN_WRITE;
    if (flags & FSC_APPEND) f |= APR_FOPEN_APPEND;
    if (flags & FSC_CREATE) f |= APR_FOPEN_CREATE;
    if (flags & FSC_EXCL) f |= APR_FOPEN_EXCL;
    if (flags & FSC_TRUNC) f |= APR_FOPEN_TRUNCATE;
    apr_status_t r = apr_file_open(&fp, path, f, APR_FPROT_OS_DEFAULT, pool());
    if (r) return r;
    if (flags & FSC_INHERIT && (r = apr_file_inherit_set(fp))) {
        apr_file_close(fp);
        return r;
    }
    *out = remember(fp);
    return 0;
}

int fsc_op_close(fsc_fd fd) { return apr_file_close(file(fd)); }

int fsc_op_read(fsc_fd fd, void *buf, size_t n, size_t *done)
{
    apr_size_t got = n;
    apr_status_t r = apr_file_read(file(fd), buf, &got);
    *done = r ? 0 : got;
    return r == APR_EOF ? 0 : r;
}

int fsc_op_write(fsc_fd fd, const void *buf, size_t n, size_t *done)
{
    apr_size_t put = n;
    apr_status_t r = apr_file_write(file(fd), buf, &put);
    *done = put;
    return r;
}

int fsc_op_seek(fsc_fd fd, long long off, int whence, long long *pos)
{
    apr_off_t at = off;
    apr_seek_where_t w = whence == FSC_SEEK_SET ? APR_SET : whence == FSC_SEEK_CUR ? APR_CUR : APR_END;
    apr_status_t r = apr_file_seek(file(fd), w, &at);
    if (pos) *pos = r ? -1 : (long long)at;
    return r;
}

int fsc_op_truncate(fsc_fd fd, long long size) { return apr_file_trunc(file(fd), size); }

int fsc_op_rename(const char *from, const char *to) { return apr_file_rename(from, to, pool()); }

int fsc_op_unlink(const char *path) { return apr_file_remove(path, pool()); }

int fsc_op_link(const char *from, const char *to) { return apr_file_link(from, to); }

int fsc_op_mkdir(const char *path) { return apr_dir_make(path, APR_FPROT_OS_DEFAULT, pool()); }

int fsc_op_rmdir(const char *path) { return apr_dir_remove(path, pool()); }

int fsc_op_chdir(const char *path) { return apr_filepath_set(path, pool()); }

int fsc_op_set_inherit(fsc_fd fd, int inherit)
{
    return inherit ? apr_file_inherit_set(file(fd)) : apr_file_inherit_unset(file(fd));
}

/* 0 when [off, off+len) is the whole file as APR's lock covers it, else
 * FSC_UNSUPPORTED or the error of reading the size. */
static int whole(fsc_fd fd, long long off, long long len)
{
    apr_finfo_t fi;
    apr_status_t r = apr_file_info_get(&fi, APR_FINFO_SIZE, file(fd));
    if (r) return r;
    return off == 0 && len >= (long long)fi.size ? 0 : FSC_UNSUPPORTED;
}

int fsc_op_lock(fsc_fd fd, long long off, long long len, int kind)
{
    int r = whole(fd, off, len);
    if (r) return r;
    return apr_file_lock(file(fd), (kind == FSC_LOCK_EXCL ? APR_FLOCK_EXCLUSIVE : APR_FLOCK_SHARED)
                                       | APR_FLOCK_NONBLOCK);
}

int fsc_op_unlock(fsc_fd fd, long long off, long long len)
{
    int r = whole(fd, off, len);
    return r ? r : apr_file_unlock(file(fd));
}

/* The mappings made, to find the apr_mmap_t that fsc_op_unmap's address is. */
static apr_mmap_t *maps[64];

int fsc_op_map(fsc_fd fd, long long off, size_t len, int prot, void **addr)
{
    apr_mmap_t *m;
    apr_int32_t f = (prot & FSC_MAP_READ ? APR_MMAP_READ : 0) | (prot & FSC_MAP_WRITE ? APR_MMAP_WRITE : 0);
    size_t slot = 0;
    *addr = NULL;
    if (prot & FSC_MAP_PRIVATE) return FSC_UNSUPPORTED;
    while (slot < sizeof maps / sizeof maps[0] && maps[slot]) slot++;
    if (slot == sizeof maps / sizeof maps[0]) fsc_fail("apr: more than 64 mappings at once");
    apr_status_t r = apr_mmap_create(&m, file(fd), off, len, f, pool());
    if (r) return r;
    maps[slot] = m;
    *addr = m->mm;
    return 0;
}

int fsc_op_unmap(void *addr, size_t len)
{
    (void)len;
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) {
        if (maps[i] && maps[i]->mm == addr) {
            apr_mmap_t *m = maps[i];
            maps[i] = NULL;
            return apr_mmap_delete(m);
        }
    }
    fsc_fail("apr: unmap of an address no mapping starts at");
}

enum { WANTED = APR_FINFO_TYPE | APR_FINFO_SIZE | APR_FINFO_IDENT | APR_FINFO_NLINK |
                APR_FINFO_ATIME | APR_FINFO_MTIME | APR_FINFO_CTIME };

static fsc_time ts(apr_time_t t)
{
    long long s = t / APR_USEC_PER_SEC, us = t % APR_USEC_PER_SEC;
    if (us < 0) s -= 1, us += APR_USEC_PER_SEC;
    return (fsc_time){s, (long)us * 1000};
}

static int filled(apr_status_t r, const apr_finfo_t *fi, fsc_stat *st)
{
    if (r && r != APR_INCOMPLETE) return r;
    memset(st, 0, sizeof *st);
    st->type = fi->filetype == APR_REG ? FSC_TYPE_FILE
               : fi->filetype == APR_DIR ? FSC_TYPE_DIR
               : fi->filetype == APR_LNK ? FSC_TYPE_LINK
                                         : FSC_TYPE_OTHER;
    st->size = (long long)fi->size;
    if (fi->valid & APR_FINFO_DEV) st->dev = (unsigned long long)fi->device;
    if (fi->valid & APR_FINFO_INODE) st->ino = (unsigned long long)fi->inode;
    st->nlink = fi->valid & APR_FINFO_NLINK ? (long long)fi->nlink : -1;
    if (fi->valid & APR_FINFO_ATIME) st->atime = ts(fi->atime);
    if (fi->valid & APR_FINFO_MTIME) st->mtime = ts(fi->mtime);
    if (fi->valid & APR_FINFO_CTIME) st->ctime = ts(fi->ctime);
    return 0;
}

int fsc_op_stat(const char *path, fsc_stat *st)
{
    apr_finfo_t fi;
    return filled(apr_stat(&fi, path, WANTED, pool()), &fi, st);
}

int fsc_op_fstat(fsc_fd fd, fsc_stat *st)
{
    apr_finfo_t fi;
    return filled(apr_file_info_get(&fi, WANTED, file(fd)), &fi, st);
}

int fsc_op_set_readonly(const char *path, int readonly)
{
    return apr_file_attrs_set(path, readonly ? APR_FILE_ATTR_READONLY : 0, APR_FILE_ATTR_READONLY,
                              pool());
}

int fsc_op_set_times(const char *path, const fsc_time *atime, const fsc_time *mtime)
{
    if (atime) return FSC_UNSUPPORTED;
    if (!mtime) return 0;
    return apr_file_mtime_set(path, (apr_time_t)mtime->sec * APR_USEC_PER_SEC + mtime->nsec / 1000,
                              pool());
}

int fsc_op_list(const char *dir, char (*names)[FSC_NAME_MAX], int max, int *count)
{
    apr_dir_t *d;
    apr_finfo_t fi;
    apr_status_t r;
    *count = 0;
    if ((r = apr_dir_open(&d, dir, pool()))) return r;
    while ((r = apr_dir_read(&fi, APR_FINFO_NAME, d)) == APR_SUCCESS || r == APR_INCOMPLETE) {
        if (!strcmp(fi.name, ".") || !strcmp(fi.name, "..")) continue;
        if (*count < max) snprintf(names[*count], FSC_NAME_MAX, "%s", fi.name);
        ++*count;
    }
    apr_dir_close(d);
    return APR_STATUS_IS_ENOENT(r) ? 0 : r;
}
