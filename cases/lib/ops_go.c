/*
 * ops_go.c — the `go-os` backend of the file-operations layer: Go's os package
 * (Debian's golang-go), through the Go half in gofsc/ built by CMake as a cgo
 * c-archive (libgofsc.a and its header, in the build directory only).
 *
 * Each operation is one call of os (or of an *os.File); what os cannot
 * express returns FSC_UNSUPPORTED (observed as `unsupported`), never a system
 * call instead: Go's os has no byte-range locks, no mapping, no inheritance
 * switch without package syscall, and reaching for syscall would be a native
 * fall-back. tests/check_imports.py proves it of this object and of the Go
 * archive (see there what "only its library" means for the Go runtime).
 *
 *   fsc_op_open       os.OpenFile(path, flag, 0666): FSC_READ/WRITE ->
 *                     os.O_RDONLY/O_WRONLY/O_RDWR, FSC_APPEND -> O_APPEND,
 *                     FSC_CREATE -> O_CREATE, FSC_EXCL -> O_EXCL, FSC_TRUNC ->
 *                     O_TRUNC. Share modes and FSC_DELETE/FSC_ATTRS: os has
 *                     none (on Windows it shares read and write, never delete:
 *                     syscall_windows.go Open), ignored. FSC_INHERIT:
 *                     unsupported (os always opens close-on-exec /
 *                     non-inheritable). The fsc_fd is a number of the Go half's
 *                     table of *os.File, not the system's descriptor.
 *   fsc_op_close      (*os.File).Close
 *   fsc_op_read       (*os.File).Read (io.EOF is a count of 0, no error)
 *   fsc_op_write      (*os.File).Write (which loops until all is written)
 *   fsc_op_seek       (*os.File).Seek (whence io.SeekStart/Current/End)
 *   fsc_op_truncate   (*os.File).Truncate
 *   fsc_op_rename     os.Rename
 *   fsc_op_unlink     os.Remove;  fsc_op_rmdir os.Remove too (os has no call
 *                     that removes only a file or only a directory)
 *   fsc_op_link       os.Link;    fsc_op_mkdir os.Mkdir (0777);
 *   fsc_op_chdir      os.Chdir
 *   fsc_op_set_inherit, fsc_op_lock/unlock, fsc_op_map/unmap: unsupported
 *   fsc_op_stat       os.Stat;  fsc_op_fstat (*os.File).Stat: type, size and
 *                     modification time from os.FileInfo; device, inode, link
 *                     count, access and change time from the syscall.Stat_t
 *                     that FileInfo.Sys() holds (a value os filled, no call).
 *                     Windows: os has no identity but os.SameFile and no link
 *                     count: dev 1, ino the place of the first file os.SameFile
 *                     matches among those this process stat'ed (same ino exactly
 *                     when SameFile says so), nlink -1 (unknown), ctime = mtime
 *   fsc_op_set_readonly os.Stat + os.Chmod: the permission bits without the
 *                     write bits, or with the owner's (0200) added; on Windows
 *                     os.Chmod sets or clears FILE_ATTRIBUTE_READONLY by 0200
 *   fsc_op_set_times  os.Chtimes (nanoseconds); a time left as it is:
 *                     unsupported (Go 1.19's Chtimes sets both)
 *   fsc_op_list       os.ReadDir (which sorts the names)
 *
 * Errors are the system's error number that os's error carries
 * (syscall.Errno: errno on Linux, a Win32 error code on Windows), named as
 * the native backend names it, and Go's own numbers on Windows by their Go
 * names (EISDIR...); an error of os without a number is `no_errno`.
 */
#include "fsc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "libgofsc.h"
#ifdef _WIN32
#include "fsc_win32.h"
#endif

#define NO_ERRNO 0x7FFFFF02 /* gofsc.go noErrno */

const char *fsc_op_errname(int err)
{
    if (err == FSC_UNSUPPORTED) return "unsupported";
    if (err == NO_ERRNO) return "no_errno";
#ifdef _WIN32
    /* Go's own error numbers on Windows, which os returns where Windows has no
     * code (syscall/zerrors_windows.go: APPLICATION_ERROR + iota). */
    switch (err - (1 << 29)) {
    case 30: return "EEXIST";
    case 39: return "EINVAL";
    case 42: return "EISDIR";   /* os/file_windows.go openFileNolog: a directory opened to write */
    case 130: return "EWINDOWS";
    }
    return fsc_win32_error_name((unsigned long)err);
#else
    return fsc_errno_name(err);
#endif
}

const char *fsc_op_backend(const char **version)
{
    static char *v;
    if (!v) v = fsc_go_version();
    *version = v;
    return "go-os";
}

int fsc_op_open(const char *path, int flags, fsc_fd *out)
{
    return fsc_go_open((char *)path, flags, out);
}

int fsc_op_close(fsc_fd fd) { return fsc_go_close(fd); }

int fsc_op_read(fsc_fd fd, void *buf, size_t n, size_t *done) { return fsc_go_read(fd, buf, n, done); }

int fsc_op_write(fsc_fd fd, const void *buf, size_t n, size_t *done)
{
    return fsc_go_write(fd, (void *)buf, n, done);
}

int fsc_op_seek(fsc_fd fd, long long off, int whence, long long *pos)
{
    long long p;
    int r = fsc_go_seek(fd, off, whence, &p);
    if (pos) *pos = p;
    return r;
}

int fsc_op_truncate(fsc_fd fd, long long size) { return fsc_go_truncate(fd, size); }

int fsc_op_rename(const char *from, const char *to) { return fsc_go_rename((char *)from, (char *)to); }

int fsc_op_unlink(const char *path) { return fsc_go_remove((char *)path); }

int fsc_op_link(const char *from, const char *to) { return fsc_go_link((char *)from, (char *)to); }

int fsc_op_mkdir(const char *path) { return fsc_go_mkdir((char *)path); }

int fsc_op_rmdir(const char *path) { return fsc_go_remove((char *)path); }

int fsc_op_chdir(const char *path) { return fsc_go_chdir((char *)path); }

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

static int copied(int r, const fsc_go_statbuf *g, fsc_stat *st)
{
    if (r == 0) {
        memset(st, 0, sizeof *st);
        st->dev = g->dev;
        st->ino = g->ino;
        st->type = g->type;
        st->size = g->size;
        st->nlink = g->nlink;
        st->atime = (fsc_time){g->atime_sec, g->atime_nsec};
        st->mtime = (fsc_time){g->mtime_sec, g->mtime_nsec};
        st->ctime = (fsc_time){g->ctime_sec, g->ctime_nsec};
    }
    return r;
}

int fsc_op_stat(const char *path, fsc_stat *st)
{
    fsc_go_statbuf g;
    return copied(fsc_go_stat((char *)path, &g), &g, st);
}

int fsc_op_fstat(fsc_fd fd, fsc_stat *st)
{
    fsc_go_statbuf g;
    return copied(fsc_go_fstat(fd, &g), &g, st);
}

int fsc_op_set_readonly(const char *path, int readonly)
{
    return fsc_go_chmod((char *)path, readonly);
}

int fsc_op_set_times(const char *path, const fsc_time *atime, const fsc_time *mtime)
{
    if (!atime || !mtime) return FSC_UNSUPPORTED;
    return fsc_go_chtimes((char *)path, atime->sec, atime->nsec, mtime->sec, mtime->nsec);
}

int fsc_op_list(const char *dir, char (*names)[FSC_NAME_MAX], int max, int *count)
{
    return fsc_go_list((char *)dir, (char *)names, FSC_NAME_MAX, max, count);
}
