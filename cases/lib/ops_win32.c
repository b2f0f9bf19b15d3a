/*
 * ops_win32.c — the native backend of the file-operations layer on Win32.
 *
 * Each operation is one documented Win32 call (two where noted), so what a
 * portable probe observes here is what that call does on this system. Paths
 * are UTF-8, converted to UTF-16 for the W functions; relative paths with '/'
 * are accepted by every call below.
 *
 *   fsc_op_open       CreateFileW:
 *                     access  FSC_READ -> GENERIC_READ; FSC_WRITE ->
 *                             GENERIC_WRITE; FSC_APPEND -> FILE_GENERIC_WRITE
 *                             without FILE_WRITE_DATA (so FILE_APPEND_DATA
 *                             alone: every write goes to the end of file, as
 *                             with POSIX O_APPEND); FSC_DELETE -> DELETE;
 *                             FSC_ATTRS -> FILE_READ_ATTRIBUTES; none of
 *                             these -> GENERIC_READ, as POSIX reads O_RDONLY
 *                             for "no access bits";
 *                     share   exactly the FSC_SHARE_* bits (FILE_SHARE_READ,
 *                             _WRITE, _DELETE); 0 when none is given;
 *                     disposition CREATE|EXCL -> CREATE_NEW, CREATE|TRUNC ->
 *                             CREATE_ALWAYS, CREATE -> OPEN_ALWAYS, TRUNC ->
 *                             TRUNCATE_EXISTING, none -> OPEN_EXISTING;
 *                     flags   FILE_ATTRIBUTE_NORMAL | FILE_FLAG_BACKUP_SEMANTICS
 *                             (so a directory can be opened, as open(2) can);
 *                     security attributes with bInheritHandle = FSC_INHERIT.
 *   fsc_op_close      CloseHandle
 *   fsc_op_read/write ReadFile/WriteFile, synchronous, one call (a short count
 *                     is reported, not retried)
 *   fsc_op_seek       SetFilePointerEx (FILE_BEGIN/CURRENT/END)
 *   fsc_op_truncate   SetFilePointerEx to the size, SetEndOfFile, and the file
 *                     pointer put back where it was (ftruncate(2) leaves the
 *                     offset alone)
 *   fsc_op_rename     MoveFileExW(MOVEFILE_REPLACE_EXISTING)
 *   fsc_op_unlink     DeleteFileW;  fsc_op_link CreateHardLinkW(to, from)
 *   fsc_op_mkdir      CreateDirectoryW (default security);
 *   fsc_op_rmdir      RemoveDirectoryW;  fsc_op_chdir SetCurrentDirectoryW
 *   fsc_op_set_inherit SetHandleInformation(HANDLE_FLAG_INHERIT)
 *   fsc_op_lock       LockFileEx(LOCKFILE_FAIL_IMMEDIATELY, plus
 *                     LOCKFILE_EXCLUSIVE_LOCK for FSC_LOCK_EXCL): a lock held
 *                     by this handle, mandatory for other handles' I/O. A
 *                     length of 0 (POSIX: "to end of file and beyond") is the
 *                     range from off to the end of the 64-bit offset space.
 *   fsc_op_unlock     UnlockFileEx, the same range
 *   fsc_op_map        CreateFileMappingW(PAGE_READONLY, PAGE_READWRITE, or
 *                     PAGE_WRITECOPY for FSC_MAP_PRIVATE; size 0 = the file's)
 *                     + MapViewOfFile(FILE_MAP_READ, FILE_MAP_WRITE, or
 *                     FILE_MAP_COPY for FSC_MAP_PRIVATE). The mapping handle is
 *                     closed right after: the view keeps the section alive, as
 *                     an mmap(2) region outlives its descriptor.
 *   fsc_op_unmap      UnmapViewOfFile
 *   fsc_op_stat       CreateFileW(FILE_READ_ATTRIBUTES, share all, OPEN_EXISTING,
 *                     FILE_FLAG_BACKUP_SEMANTICS; follows symbolic links as
 *                     stat(2) does) + fsc_op_fstat + CloseHandle
 *   fsc_op_fstat      GetFileInformationByHandle: identity = volume serial
 *                     number + 64-bit file index; nlink = nNumberOfLinks;
 *                     atime/mtime = ftLastAccessTime/ftLastWriteTime; ctime =
 *                     ChangeTime of GetFileInformationByHandleEx(FileBasicInfo)
 *                     (the inode-change time; not the creation time). FILETIME
 *                     is converted exactly: 100 ns units since 1601-01-01.
 *   fsc_op_set_readonly GetFileAttributesW + SetFileAttributesW with
 *                     FILE_ATTRIBUTE_READONLY set or cleared, the rest kept
 *   fsc_op_set_times  CreateFileW(FILE_WRITE_ATTRIBUTES, share all,
 *                     OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS) + SetFileTime
 *                     with NULL for a time left as it is; nanoseconds are
 *                     truncated to FILETIME's 100 ns.
 *   fsc_op_list       FindFirstFileW(dir\*) + FindNextFileW + FindClose;
 *                     names converted to UTF-8
 *
 * Errors are GetLastError() values, named by fsc_win32_error_name.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define RESULT(ok) ((ok) ? 0 : (int)GetLastError())

/* 100 ns intervals between 1601-01-01 and 1970-01-01. */
#define EPOCH_DIFF 116444736000000000LL

const char *fsc_op_errname(int err) { return fsc_win32_error_name((unsigned long)err); }

const char *fsc_op_backend(const char **version)
{
    *version = "";
    return "win32";
}

typedef struct wpath {
    wchar_t s[1024];
} wpath;

static int widen(const char *path, wpath *w)
{
    if (MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w->s, 1024) > 0) return 0;
    return GetLastError() == ERROR_INSUFFICIENT_BUFFER ? ERROR_FILENAME_EXCED_RANGE
                                                        : ERROR_NO_UNICODE_TRANSLATION;
}

#define WIDEN(p, w)                                                           \
    wpath w;                                                                  \
    do {                                                                      \
        int e_ = widen(p, &w);                                                \
        if (e_) return e_;                                                    \
    } while (0)

int fsc_op_open(const char *path, int flags, fsc_fd *out)
{
    DWORD access = 0, share = 0, disp;
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, (flags & FSC_INHERIT) ? TRUE : FALSE};
    *out = FSC_NOFD;
    WIDEN(path, w);
    if (flags & FSC_READ || !(flags & (FSC_WRITE | FSC_APPEND | FSC_DELETE | FSC_ATTRS)))
        access |= GENERIC_READ;
    if (flags & FSC_DELETE) access |= DELETE;
    if (flags & FSC_ATTRS) access |= FILE_READ_ATTRIBUTES;
    if (flags & FSC_APPEND)
        access |= FILE_GENERIC_WRITE & ~FILE_WRITE_DATA;
    else if (flags & FSC_WRITE)
        access |= GENERIC_WRITE;
    if (flags & FSC_SHARE_READ) share |= FILE_SHARE_READ;
    if (flags & FSC_SHARE_WRITE) share |= FILE_SHARE_WRITE;
    if (flags & FSC_SHARE_DELETE) share |= FILE_SHARE_DELETE;
    if (flags & FSC_CREATE)
        disp = flags & FSC_EXCL ? CREATE_NEW : flags & FSC_TRUNC ? CREATE_ALWAYS : OPEN_ALWAYS;
    else
        disp = flags & FSC_TRUNC ? TRUNCATE_EXISTING : OPEN_EXISTING;
    HANDLE h = CreateFileW(w.s, access, share, &sa, disp,
                           FILE_ATTRIBUTE_NORMAL | FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (h == INVALID_HANDLE_VALUE) return (int)GetLastError();
    *out = (fsc_fd)h;
    return 0;
}

int fsc_op_close(fsc_fd fd) { return RESULT(CloseHandle((HANDLE)fd)); }

int fsc_op_read(fsc_fd fd, void *buf, size_t n, size_t *done)
{
    DWORD got = 0;
    BOOL ok = ReadFile((HANDLE)fd, buf, n > MAXDWORD ? MAXDWORD : (DWORD)n, &got, NULL);
    *done = ok ? got : 0;
    return RESULT(ok);
}

int fsc_op_write(fsc_fd fd, const void *buf, size_t n, size_t *done)
{
    DWORD put = 0;
    BOOL ok = WriteFile((HANDLE)fd, buf, n > MAXDWORD ? MAXDWORD : (DWORD)n, &put, NULL);
    *done = ok ? put : 0;
    return RESULT(ok);
}

int fsc_op_seek(fsc_fd fd, long long off, int whence, long long *pos)
{
    static const DWORD how[] = {FILE_BEGIN, FILE_CURRENT, FILE_END};
    LARGE_INTEGER d, r;
    d.QuadPart = off;
    BOOL ok = SetFilePointerEx((HANDLE)fd, d, &r, how[whence]);
    if (pos) *pos = ok ? r.QuadPart : -1;
    return RESULT(ok);
}

int fsc_op_truncate(fsc_fd fd, long long size)
{
    LARGE_INTEGER zero = {{0, 0}}, here, to;
    to.QuadPart = size;
    if (!SetFilePointerEx((HANDLE)fd, zero, &here, FILE_CURRENT)) return (int)GetLastError();
    if (!SetFilePointerEx((HANDLE)fd, to, NULL, FILE_BEGIN)) return (int)GetLastError();
    BOOL ok = SetEndOfFile((HANDLE)fd);
    DWORD e = GetLastError();
    SetFilePointerEx((HANDLE)fd, here, NULL, FILE_BEGIN);
    return ok ? 0 : (int)e;
}

int fsc_op_rename(const char *from, const char *to)
{
    WIDEN(from, a);
    WIDEN(to, b);
    return RESULT(MoveFileExW(a.s, b.s, MOVEFILE_REPLACE_EXISTING));
}

int fsc_op_unlink(const char *path)
{
    WIDEN(path, w);
    return RESULT(DeleteFileW(w.s));
}

int fsc_op_link(const char *from, const char *to)
{
    WIDEN(from, a);
    WIDEN(to, b);
    return RESULT(CreateHardLinkW(b.s, a.s, NULL));
}

int fsc_op_mkdir(const char *path)
{
    WIDEN(path, w);
    return RESULT(CreateDirectoryW(w.s, NULL));
}

int fsc_op_rmdir(const char *path)
{
    WIDEN(path, w);
    return RESULT(RemoveDirectoryW(w.s));
}

int fsc_op_chdir(const char *path)
{
    WIDEN(path, w);
    return RESULT(SetCurrentDirectoryW(w.s));
}

int fsc_op_set_inherit(fsc_fd fd, int inherit)
{
    return RESULT(SetHandleInformation((HANDLE)fd, HANDLE_FLAG_INHERIT,
                                       inherit ? HANDLE_FLAG_INHERIT : 0));
}

static void range(long long off, long long len, OVERLAPPED *ov, DWORD *lo, DWORD *hi)
{
    unsigned long long n = len ? (unsigned long long)len : ~0ull - (unsigned long long)off;
    memset(ov, 0, sizeof *ov);
    ov->Offset = (DWORD)((unsigned long long)off & 0xFFFFFFFFu);
    ov->OffsetHigh = (DWORD)((unsigned long long)off >> 32);
    *lo = (DWORD)(n & 0xFFFFFFFFu);
    *hi = (DWORD)(n >> 32);
}

int fsc_op_lock(fsc_fd fd, long long off, long long len, int kind)
{
    OVERLAPPED ov;
    DWORD lo, hi;
    range(off, len, &ov, &lo, &hi);
    DWORD how = LOCKFILE_FAIL_IMMEDIATELY | (kind == FSC_LOCK_EXCL ? LOCKFILE_EXCLUSIVE_LOCK : 0);
    return RESULT(LockFileEx((HANDLE)fd, how, 0, lo, hi, &ov));
}

int fsc_op_unlock(fsc_fd fd, long long off, long long len)
{
    OVERLAPPED ov;
    DWORD lo, hi;
    range(off, len, &ov, &lo, &hi);
    return RESULT(UnlockFileEx((HANDLE)fd, 0, lo, hi, &ov));
}

int fsc_op_map(fsc_fd fd, long long off, size_t len, int prot, void **addr)
{
    DWORD page, view;
    *addr = NULL;
    if (prot & FSC_MAP_PRIVATE) {
        page = PAGE_WRITECOPY;
        view = prot & FSC_MAP_WRITE ? FILE_MAP_COPY : FILE_MAP_READ;
    } else if (prot & FSC_MAP_WRITE) {
        page = PAGE_READWRITE;
        view = FILE_MAP_WRITE;   /* read/write access */
    } else {
        page = PAGE_READONLY;
        view = FILE_MAP_READ;
    }
    HANDLE m = CreateFileMappingW((HANDLE)fd, NULL, page, 0, 0, NULL);
    if (!m) return (int)GetLastError();
    void *a = MapViewOfFile(m, view, (DWORD)((unsigned long long)off >> 32),
                            (DWORD)((unsigned long long)off & 0xFFFFFFFFu), len);
    DWORD e = GetLastError();
    CloseHandle(m);   /* the view keeps the section alive */
    if (!a) return (int)e;
    *addr = a;
    return 0;
}

int fsc_op_unmap(void *addr, size_t len)
{
    (void)len;
    return RESULT(UnmapViewOfFile(addr));
}

static fsc_time from_ticks(long long t)   /* 100 ns since 1601 */
{
    long long u = t - EPOCH_DIFF;   /* 100 ns since 1970, may be negative */
    long long sec = u / 10000000, rem = u % 10000000;
    if (rem < 0) rem += 10000000, sec -= 1;
    return (fsc_time){sec, (long)(rem * 100)};
}

static fsc_time from_filetime(FILETIME f)
{
    return from_ticks((long long)(((unsigned long long)f.dwHighDateTime << 32) | f.dwLowDateTime));
}

int fsc_op_fstat(fsc_fd fd, fsc_stat *st)
{
    BY_HANDLE_FILE_INFORMATION i;
    FILE_BASIC_INFO b;
    HANDLE h = (HANDLE)fd;
    if (!GetFileInformationByHandle(h, &i)) return (int)GetLastError();
    memset(st, 0, sizeof *st);
    st->dev = i.dwVolumeSerialNumber;
    st->ino = ((unsigned long long)i.nFileIndexHigh << 32) | i.nFileIndexLow;
    st->type = i.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY       ? FSC_TYPE_DIR
               : i.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT ? FSC_TYPE_LINK
               : GetFileType(h) == FILE_TYPE_DISK                  ? FSC_TYPE_FILE
                                                                   : FSC_TYPE_OTHER;
    st->size = (long long)(((unsigned long long)i.nFileSizeHigh << 32) | i.nFileSizeLow);
    st->nlink = i.nNumberOfLinks;
    st->atime = from_filetime(i.ftLastAccessTime);
    st->mtime = from_filetime(i.ftLastWriteTime);
    if (GetFileInformationByHandleEx(h, FileBasicInfo, &b, sizeof b))
        st->ctime = from_ticks(b.ChangeTime.QuadPart);
    else
        st->ctime = st->mtime;
    return 0;
}

static HANDLE open_attrs(const wchar_t *path, DWORD access)
{
    return CreateFileW(path, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                       NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

int fsc_op_stat(const char *path, fsc_stat *st)
{
    WIDEN(path, w);
    HANDLE h = open_attrs(w.s, FILE_READ_ATTRIBUTES);
    if (h == INVALID_HANDLE_VALUE) return (int)GetLastError();
    int e = fsc_op_fstat((fsc_fd)h, st);
    CloseHandle(h);
    return e;
}

static int to_filetime(const fsc_time *t, FILETIME *f)
{
    long long ticks = t->sec * 10000000LL + t->nsec / 100 + EPOCH_DIFF;
    if (t->sec < -EPOCH_DIFF / 10000000 || ticks < 0) return ERROR_INVALID_PARAMETER;
    f->dwLowDateTime = (DWORD)((unsigned long long)ticks & 0xFFFFFFFFu);
    f->dwHighDateTime = (DWORD)((unsigned long long)ticks >> 32);
    return 0;
}

int fsc_op_set_readonly(const char *path, int readonly)
{
    WIDEN(path, w);
    DWORD a = GetFileAttributesW(w.s);
    if (a == INVALID_FILE_ATTRIBUTES) return (int)GetLastError();
    a = readonly ? a | FILE_ATTRIBUTE_READONLY : a & ~(DWORD)FILE_ATTRIBUTE_READONLY;
    return RESULT(SetFileAttributesW(w.s, a));
}

int fsc_op_set_times(const char *path, const fsc_time *atime, const fsc_time *mtime)
{
    FILETIME a, m;
    int e;
    WIDEN(path, w);
    if (atime && (e = to_filetime(atime, &a))) return e;
    if (mtime && (e = to_filetime(mtime, &m))) return e;
    HANDLE h = open_attrs(w.s, FILE_WRITE_ATTRIBUTES);
    if (h == INVALID_HANDLE_VALUE) return (int)GetLastError();
    BOOL ok = SetFileTime(h, NULL, atime ? &a : NULL, mtime ? &m : NULL);
    e = ok ? 0 : (int)GetLastError();
    CloseHandle(h);
    return e;
}

int fsc_op_list(const char *dir, char (*names)[FSC_NAME_MAX], int max, int *count)
{
    char pattern[1024];
    WIN32_FIND_DATAW e;
    if (snprintf(pattern, sizeof pattern, "%s\\*", dir) >= (int)sizeof pattern)
        return ERROR_FILENAME_EXCED_RANGE;
    WIDEN(pattern, w);
    HANDLE d = FindFirstFileW(w.s, &e);
    *count = 0;
    if (d == INVALID_HANDLE_VALUE) return GetLastError() == ERROR_FILE_NOT_FOUND ? 0 : (int)GetLastError();
    do {
        if (!wcscmp(e.cFileName, L".") || !wcscmp(e.cFileName, L"..")) continue;
        if (*count < max) {
            char u8[4 * MAX_PATH];   /* cFileName: at most MAX_PATH UTF-16 units */
            if (!WideCharToMultiByte(CP_UTF8, 0, e.cFileName, -1, u8, sizeof u8, NULL, NULL))
                u8[0] = 0;
            snprintf(names[*count], FSC_NAME_MAX, "%s", u8);
        }
        ++*count;
    } while (FindNextFileW(d, &e));
    DWORD err = GetLastError();
    FindClose(d);
    return err == ERROR_NO_MORE_FILES ? 0 : (int)err;
}
