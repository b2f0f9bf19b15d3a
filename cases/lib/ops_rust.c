/*
 * ops_rust.c — the `rust-std` backend of the file-operations layer: Rust's
 * standard library (std::fs), through the Rust half in rustfsc/lib.rs, which
 * CMake builds as a `staticlib` into the build directory (Debian's rustc-web
 * 1.96, or rustc 1.63 from Debian's packages unpacked by runners/rust-1.63;
 * for Windows with 1.96 std itself is rebuilt with cargo -Zbuild-std).
 * This file holds the error names and the backend's name; lib.rs exports
 * every fsc_op_* below, each one call of std (or of a std::fs::File), and
 * what std cannot express returns FSC_UNSUPPORTED (`unsupported`), never a
 * system call instead. tests/check_imports.py proves it of this object and of
 * lib.rs's own objects in the archive.
 *
 *   fsc_op_open       OpenOptions: FSC_READ -> .read(true), FSC_WRITE ->
 *                     .write(true), FSC_APPEND -> .append(true), FSC_CREATE ->
 *                     .create(true), FSC_CREATE|FSC_EXCL -> .create_new(true),
 *                     FSC_TRUNC -> .truncate(true) (std refuses creating or
 *                     truncating without write access: InvalidInput, no
 *                     errno: `no_errno`); FSC_DELETE/FSC_ATTRS without READ
 *                     or WRITE open for reading, as the native backend does.
 *                     Windows: share modes by std::os::windows::fs::
 *                     OpenOptionsExt::share_mode (std's default is read|write|
 *                     delete; the layer's are always explicit), FSC_DELETE/
 *                     FSC_ATTRS by OpenOptionsExt::access_mode (DELETE,
 *                     FILE_READ_ATTRIBUTES, plus GENERIC_READ/WRITE as asked).
 *                     Linux: std has no share modes; ignored. FSC_INHERIT:
 *                     unsupported (std opens every file close-on-exec /
 *                     non-inheritable and has no switch). The fsc_fd is a
 *                     number of lib.rs's table of File, not the system's.
 *   fsc_op_close      drop(File) (std has no close that reports an error);
 *                     a second close: unsupported (dropping consumes the File)
 *   fsc_op_read       Read::read;  fsc_op_write Write::write (one call, as asked)
 *   fsc_op_seek       Seek::seek (SeekFrom::Start/Current/End); a negative
 *                     absolute offset: unsupported (SeekFrom::Start is a u64)
 *   fsc_op_truncate   File::set_len
 *   fsc_op_rename     fs::rename;  fsc_op_unlink fs::remove_file
 *   fsc_op_link       fs::hard_link; fsc_op_mkdir fs::create_dir;
 *   fsc_op_rmdir      fs::remove_dir; fsc_op_chdir std::env::set_current_dir
 *   fsc_op_set_inherit, fsc_op_map/unmap: unsupported (std has none)
 *   fsc_op_lock       File::try_lock / File::try_lock_shared (Rust 1.89; never
 *                     waiting), fsc_op_unlock File::unlock. std locks the
 *                     whole file (Linux: flock; Windows: LockFileEx over every
 *                     offset), so a range is locked only when it starts at 0
 *                     and reaches the file's current end (File::metadata);
 *                     any other range is unsupported, as is every lock before
 *                     Rust 1.89. TryLockError::WouldBlock keeps no error
 *                     number: `would_block`.
 *   fsc_op_stat       fs::metadata; fsc_op_fstat File::metadata: type, size;
 *                     Linux: dev, ino, nlink and the three times from
 *                     std::os::unix::fs::MetadataExt. Windows: the access and
 *                     write times of std::os::windows::fs::MetadataExt (ctime
 *                     = mtime: no change time, as ops_win32.c), and the volume
 *                     serial number, file index and link count of that trait's
 *                     unstable `windows_by_handle` part (RUSTC_BOOTSTRAP=1);
 *                     where std has none of them: dev 0, ino 0, nlink -1.
 *   fsc_op_set_readonly fs::metadata + Permissions::set_readonly +
 *                     fs::set_permissions. Linux: chmod without the three
 *                     write bits, or with all three added (std's documented
 *                     set_readonly(false): writable by everyone); Windows:
 *                     FILE_ATTRIBUTE_READONLY set or cleared
 *   fsc_op_set_times  File::set_times with FileTimes (Rust 1.75; a time left
 *                     out stays as it is) on the path opened for it (Linux
 *                     read-only; Windows access_mode FILE_WRITE_ATTRIBUTES,
 *                     every share mode, FILE_FLAG_BACKUP_SEMANTICS so that a
 *                     directory opens too): std has no stable call that sets a
 *                     path's times. Before 1.75: unsupported.
 *   fsc_op_list       fs::read_dir, in its order (names lossily as UTF-8)
 *
 * Errors are the OS error number std's io::Error carries (raw_os_error: errno
 * on Linux, the Win32 error code on Windows), named as the native backend
 * names it; an error std made itself carries none: `no_errno`.
 */
#include "fsc.h"

#ifdef _WIN32
#include "fsc_win32.h"
#endif

#define NO_ERRNO 0x7FFFFF02    /* lib.rs NO_ERRNO */
#define WOULD_BLOCK 0x7FFFFF03 /* lib.rs WOULD_BLOCK */

const char *fsc_op_errname(int err)
{
    if (err == FSC_UNSUPPORTED) return "unsupported";
    if (err == NO_ERRNO) return "no_errno";
    if (err == WOULD_BLOCK) return "would_block";
#ifdef _WIN32
    return fsc_win32_error_name((unsigned long)err);
#else
    return fsc_errno_name(err);
#endif
}

/* The compiler's version, which is std's (CMake reads `rustc --version`). */
const char *fsc_op_backend(const char **version)
{
    *version = FSC_RUST_VERSION;
    return "rust-std";
}
