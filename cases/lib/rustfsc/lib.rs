//! The Rust half of the `rust-std` backend of the file-operations layer
//! (cases/lib/ops_rust.c is the C half and documents each call). Built as a
//! `staticlib` by CMake (rustc, or cargo -Zbuild-std for Windows with Rust
//! 1.96), it exports the layer's `fsc_op_*` functions, each implemented by
//! `std::fs` (and `std::env::set_current_dir`) alone: no `libc`, no foreign
//! function declared here, nothing but std (cases/lib/tests/check_imports.py
//! proves it from this crate's own objects in the archive).
//!
//! One source for Rust 1.63 and 1.96: what a newer std has is behind a `cfg`
//! that CMake sets from the compiler's version: `fsc_std_set_times`
//! (File::set_times, Rust 1.75) and `fsc_std_lock` (File::try_lock, 1.89).
#![cfg_attr(windows, feature(windows_by_handle))]

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::raw::{c_char, c_int, c_long, c_longlong, c_void};
use std::sync::Mutex;
use std::{ffi::CStr, slice};

#[cfg(unix)]
use std::os::unix::fs::MetadataExt;
#[cfg(windows)]
use std::os::windows::fs::{MetadataExt, OpenOptionsExt};

// The layer's flags and codes (cases/lib/fsc.h).
const FSC_READ: c_int = 1 << 0;
const FSC_WRITE: c_int = 1 << 1;
const FSC_APPEND: c_int = 1 << 2;
const FSC_CREATE: c_int = 1 << 3;
const FSC_EXCL: c_int = 1 << 4;
const FSC_TRUNC: c_int = 1 << 5;
#[cfg(windows)]
const FSC_SHARE_READ: c_int = 1 << 6;
#[cfg(windows)]
const FSC_SHARE_WRITE: c_int = 1 << 7;
#[cfg(windows)]
const FSC_SHARE_DELETE: c_int = 1 << 8;
const FSC_INHERIT: c_int = 1 << 9;
const FSC_DELETE: c_int = 1 << 10;
const FSC_ATTRS: c_int = 1 << 11;
const FSC_LOCK_EXCL: c_int = 1;
const FSC_UNSUPPORTED: c_int = 0x7FFF_FF01;
/// An error std made itself, without an OS error number (ops_rust.c: `no_errno`).
const NO_ERRNO: c_int = 0x7FFF_FF02;
/// File::try_lock's TryLockError::WouldBlock, which keeps no OS error number
/// (ops_rust.c: `would_block`).
#[cfg(fsc_std_lock)]
const WOULD_BLOCK: c_int = 0x7FFF_FF03;

// Win32 share and access bits for OpenOptionsExt::share_mode/access_mode
// (std takes the system's numbers; winnt.h).
#[cfg(windows)]
const FILE_SHARE_READ: u32 = 1;
#[cfg(windows)]
const FILE_SHARE_WRITE: u32 = 2;
#[cfg(windows)]
const FILE_SHARE_DELETE: u32 = 4;
#[cfg(windows)]
const GENERIC_READ: u32 = 0x8000_0000;
#[cfg(windows)]
const GENERIC_WRITE: u32 = 0x4000_0000;
#[cfg(windows)]
const DELETE: u32 = 0x0001_0000;
#[cfg(windows)]
const FILE_READ_ATTRIBUTES: u32 = 0x80;
#[cfg(all(windows, fsc_std_set_times))]
const FILE_WRITE_ATTRIBUTES: u32 = 0x100;
#[cfg(all(windows, fsc_std_set_times))]
const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;

/// Open files, by the fsc_fd the layer hands out (slot + 3).
static FILES: Mutex<Vec<Option<File>>> = Mutex::new(Vec::new());

fn code(e: &io::Error) -> c_int {
    e.raw_os_error().unwrap_or(NO_ERRNO)
}

fn status(r: io::Result<()>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) => code(&e),
    }
}

/// Runs `f` on the open file `fd`; EBADF-like `no_errno` for a number that is not one.
fn with_file<T>(fd: isize, f: impl FnOnce(&mut File) -> io::Result<T>) -> io::Result<T> {
    let mut files = FILES.lock().unwrap();
    match files.get_mut((fd as usize).wrapping_sub(3)) {
        Some(Some(file)) => f(file),
        _ => Err(io::Error::new(io::ErrorKind::Other, "no such open file")),
    }
}

unsafe fn path<'a>(p: *const c_char) -> io::Result<&'a str> {
    CStr::from_ptr(p).to_str().map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "not UTF-8"))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_open(p: *const c_char, flags: c_int, out: *mut isize) -> c_int {
    *out = -1;
    if flags & FSC_INHERIT != 0 {
        return FSC_UNSUPPORTED; // std opens every file close-on-exec / non-inheritable
    }
    let mut o = OpenOptions::new();
    let data = flags & (FSC_READ | FSC_WRITE | FSC_APPEND) != 0;
    o.read(flags & FSC_READ != 0 || !data) // FSC_DELETE/FSC_ATTRS alone: read (see ops_rust.c)
        .write(flags & FSC_WRITE != 0)
        .append(flags & FSC_APPEND != 0)
        .create(flags & FSC_CREATE != 0)
        .create_new(flags & FSC_CREATE != 0 && flags & FSC_EXCL != 0)
        .truncate(flags & FSC_TRUNC != 0);
    #[cfg(windows)]
    {
        let mut share = 0;
        if flags & FSC_SHARE_READ != 0 {
            share |= FILE_SHARE_READ;
        }
        if flags & FSC_SHARE_WRITE != 0 {
            share |= FILE_SHARE_WRITE;
        }
        if flags & FSC_SHARE_DELETE != 0 {
            share |= FILE_SHARE_DELETE;
        }
        o.share_mode(share);
        if flags & (FSC_DELETE | FSC_ATTRS) != 0 {
            let mut access = if flags & FSC_DELETE != 0 { DELETE } else { 0 };
            if flags & FSC_ATTRS != 0 {
                access |= FILE_READ_ATTRIBUTES;
            }
            if flags & FSC_READ != 0 {
                access |= GENERIC_READ;
            }
            if flags & FSC_WRITE != 0 {
                access |= GENERIC_WRITE;
            }
            o.access_mode(access);
        }
    }
    #[cfg(unix)]
    let _ = (FSC_DELETE, FSC_ATTRS);
    let file = match path(p).and_then(|p| o.open(p)) {
        Ok(f) => f,
        Err(e) => return code(&e),
    };
    let mut files = FILES.lock().unwrap();
    let slot = match files.iter().position(Option::is_none) {
        Some(i) => i,
        None => {
            files.push(None);
            files.len() - 1
        }
    };
    files[slot] = Some(file);
    *out = slot as isize + 3;
    0
}

#[no_mangle]
pub extern "C" fn fsc_op_close(fd: isize) -> c_int {
    let mut files = FILES.lock().unwrap();
    match files.get_mut((fd as usize).wrapping_sub(3)).and_then(Option::take) {
        Some(file) => {
            drop(file); // File's Drop closes it (and ignores the result: std has no close)
            0
        }
        // A File is closed by dropping it, which consumes it: std cannot close one twice.
        None => FSC_UNSUPPORTED,
    }
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_read(fd: isize, buf: *mut c_void, n: usize, done: *mut usize) -> c_int {
    *done = 0;
    let b: &mut [u8] = if n == 0 { &mut [] } else { slice::from_raw_parts_mut(buf.cast(), n) };
    match with_file(fd, |f| f.read(b)) {
        Ok(k) => {
            *done = k;
            0
        }
        Err(e) => code(&e),
    }
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_write(fd: isize, buf: *const c_void, n: usize, done: *mut usize) -> c_int {
    *done = 0;
    let b: &[u8] = if n == 0 { &[] } else { slice::from_raw_parts(buf.cast(), n) };
    match with_file(fd, |f| f.write(b)) {
        Ok(k) => {
            *done = k;
            0
        }
        Err(e) => code(&e),
    }
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_seek(fd: isize, off: c_longlong, whence: c_int, pos: *mut c_longlong) -> c_int {
    let to = match whence {
        0 if off >= 0 => SeekFrom::Start(off as u64),
        0 => return FSC_UNSUPPORTED, // SeekFrom::Start takes a u64: std cannot ask for it
        1 => SeekFrom::Current(off),
        _ => SeekFrom::End(off),
    };
    let r = with_file(fd, |f| f.seek(to));
    if !pos.is_null() {
        *pos = r.as_ref().map_or(-1, |&p| p as c_longlong);
    }
    r.map_or_else(|e| code(&e), |_| 0)
}

#[no_mangle]
pub extern "C" fn fsc_op_truncate(fd: isize, size: c_longlong) -> c_int {
    status(with_file(fd, |f| f.set_len(size as u64)))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_rename(from: *const c_char, to: *const c_char) -> c_int {
    status(path(from).and_then(|a| path(to).and_then(|b| fs::rename(a, b))))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_unlink(p: *const c_char) -> c_int {
    status(path(p).and_then(fs::remove_file))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_link(from: *const c_char, to: *const c_char) -> c_int {
    status(path(from).and_then(|a| path(to).and_then(|b| fs::hard_link(a, b))))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_mkdir(p: *const c_char) -> c_int {
    status(path(p).and_then(fs::create_dir))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_rmdir(p: *const c_char) -> c_int {
    status(path(p).and_then(fs::remove_dir))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_chdir(p: *const c_char) -> c_int {
    status(path(p).and_then(std::env::set_current_dir))
}

#[no_mangle]
pub extern "C" fn fsc_op_set_inherit(_fd: isize, _inherit: c_int) -> c_int {
    FSC_UNSUPPORTED
}

/// std's locks cover the whole file (flock on Linux; LockFileEx over every
/// offset on Windows): a range is taken as one only when it starts at 0 and
/// reaches the file's current end; any other range is unsupported.
#[cfg(fsc_std_lock)]
fn whole(f: &File, off: c_longlong, len: c_longlong) -> io::Result<bool> {
    Ok(off == 0 && len as u64 >= f.metadata()?.len())
}

#[cfg(fsc_std_lock)]
#[no_mangle]
pub extern "C" fn fsc_op_lock(fd: isize, off: c_longlong, len: c_longlong, kind: c_int) -> c_int {
    let r = with_file(fd, |f| {
        if !whole(f, off, len)? {
            return Ok(FSC_UNSUPPORTED);
        }
        let tried = if kind == FSC_LOCK_EXCL { f.try_lock() } else { f.try_lock_shared() };
        Ok(match tried {
            Ok(()) => 0,
            Err(fs::TryLockError::WouldBlock) => WOULD_BLOCK,
            Err(fs::TryLockError::Error(e)) => code(&e),
        })
    });
    r.unwrap_or_else(|e| code(&e))
}

#[cfg(fsc_std_lock)]
#[no_mangle]
pub extern "C" fn fsc_op_unlock(fd: isize, off: c_longlong, len: c_longlong) -> c_int {
    let r = with_file(fd, |f| {
        if !whole(f, off, len)? {
            return Ok(FSC_UNSUPPORTED);
        }
        f.unlock().map(|()| 0)
    });
    r.unwrap_or_else(|e| code(&e))
}

#[cfg(not(fsc_std_lock))]
#[no_mangle]
pub extern "C" fn fsc_op_lock(_fd: isize, _off: c_longlong, _len: c_longlong, _kind: c_int) -> c_int {
    let _ = FSC_LOCK_EXCL;
    FSC_UNSUPPORTED
}

#[cfg(not(fsc_std_lock))]
#[no_mangle]
pub extern "C" fn fsc_op_unlock(_fd: isize, _off: c_longlong, _len: c_longlong) -> c_int {
    FSC_UNSUPPORTED
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_map(_fd: isize, _off: c_longlong, _len: usize, _prot: c_int, addr: *mut *mut c_void) -> c_int {
    *addr = std::ptr::null_mut();
    FSC_UNSUPPORTED
}

#[no_mangle]
pub extern "C" fn fsc_op_unmap(_addr: *mut c_void, _len: usize) -> c_int {
    FSC_UNSUPPORTED
}

/// struct fsc_time and struct fsc_stat of fsc.h.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct FscTime {
    sec: c_longlong,
    nsec: c_long,
}

#[repr(C)]
pub struct FscStat {
    dev: u64,
    ino: u64,
    kind: c_int,
    size: c_longlong,
    nlink: c_longlong,
    atime: FscTime,
    mtime: FscTime,
    ctime: FscTime,
}

fn fill(m: &Metadata, st: &mut FscStat) {
    let t = m.file_type();
    st.kind = if t.is_file() {
        0
    } else if t.is_dir() {
        1
    } else if t.is_symlink() {
        2
    } else {
        3
    };
    st.size = m.len() as c_longlong;
    fill_sys(m, st);
}

/// Linux: the stat(2) fields std::os::unix::fs::MetadataExt hands back.
#[cfg(unix)]
fn fill_sys(m: &Metadata, st: &mut FscStat) {
    st.dev = m.dev();
    st.ino = m.ino();
    st.nlink = m.nlink() as c_longlong;
    st.atime = FscTime { sec: m.atime(), nsec: m.atime_nsec() as c_long };
    st.mtime = FscTime { sec: m.mtime(), nsec: m.mtime_nsec() as c_long };
    st.ctime = FscTime { sec: m.ctime(), nsec: m.ctime_nsec() as c_long };
}

/// Windows: std::os::windows::fs::MetadataExt: FILETIMEs (100 ns since 1601),
/// and, through the unstable `windows_by_handle` part of that trait, the
/// volume serial number, file index and link count where std has them (None:
/// dev 0, ino 0, nlink -1). No change time: ctime = the write time, as
/// ops_win32.c does without one.
#[cfg(windows)]
fn fill_sys(m: &Metadata, st: &mut FscStat) {
    fn time(ft: u64) -> FscTime {
        let t = ft as i64 - 116_444_736_000_000_000;
        FscTime { sec: t.div_euclid(10_000_000), nsec: (t.rem_euclid(10_000_000) * 100) as c_long }
    }
    st.dev = m.volume_serial_number().map_or(0, u64::from);
    st.ino = m.file_index().unwrap_or(0);
    st.nlink = m.number_of_links().map_or(-1, c_longlong::from);
    st.atime = time(m.last_access_time());
    st.mtime = time(m.last_write_time());
    st.ctime = st.mtime;
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_set_readonly(p: *const c_char, readonly: c_int) -> c_int {
    status(path(p).and_then(|p| {
        let mut perm = fs::metadata(p)?.permissions();
        perm.set_readonly(readonly != 0);
        fs::set_permissions(p, perm)
    }))
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_stat(p: *const c_char, st: *mut FscStat) -> c_int {
    match path(p).and_then(fs::metadata) {
        Ok(m) => {
            fill(&m, &mut *st);
            0
        }
        Err(e) => code(&e),
    }
}

#[no_mangle]
pub unsafe extern "C" fn fsc_op_fstat(fd: isize, st: *mut FscStat) -> c_int {
    match with_file(fd, |f| f.metadata()) {
        Ok(m) => {
            fill(&m, &mut *st);
            0
        }
        Err(e) => code(&e),
    }
}

/// Names of `dir` from fs::read_dir, in its order; a name that is not UTF-8
/// is written lossily.
#[no_mangle]
pub unsafe extern "C" fn fsc_op_list(dir: *const c_char, names: *mut [u8; 256], max: c_int, count: *mut c_int) -> c_int {
    *count = 0;
    let entries = match path(dir).and_then(fs::read_dir) {
        Ok(d) => d,
        Err(e) => return code(&e),
    };
    let mut n = 0;
    for entry in entries {
        let name = match entry {
            Ok(e) => e.file_name(),
            Err(e) => return code(&e),
        };
        if n < max {
            let slot = &mut *names.add(n as usize);
            let s = name.to_string_lossy();
            let k = s.len().min(slot.len() - 1);
            slot[..k].copy_from_slice(&s.as_bytes()[..k]);
            slot[k] = 0;
        }
        n += 1;
    }
    *count = n;
    0
}

/// File::set_times (Rust 1.75) on the file opened for it: std has no call
/// that sets a path's times (std::fs::set_times is unstable in 1.96).
#[cfg(fsc_std_set_times)]
#[no_mangle]
pub unsafe extern "C" fn fsc_op_set_times(p: *const c_char, atime: *const FscTime, mtime: *const FscTime) -> c_int {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};
    fn when(t: &FscTime) -> Option<SystemTime> {
        let whole = Duration::from_secs(t.sec.unsigned_abs());
        let at = if t.sec >= 0 { UNIX_EPOCH.checked_add(whole) } else { UNIX_EPOCH.checked_sub(whole) };
        at?.checked_add(Duration::from_nanos(t.nsec as u64))
    }
    let mut times = fs::FileTimes::new();
    for (t, modified) in [(atime, false), (mtime, true)] {
        if let Some(t) = t.as_ref() {
            match when(t) {
                Some(w) if modified => times = times.set_modified(w),
                Some(w) => times = times.set_accessed(w),
                None => return code(&io::Error::new(io::ErrorKind::InvalidInput, "time out of range")),
            }
        }
    }
    let mut o = OpenOptions::new();
    #[cfg(unix)]
    o.read(true);
    #[cfg(windows)]
    o.access_mode(FILE_WRITE_ATTRIBUTES)
        .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
        .custom_flags(FILE_FLAG_BACKUP_SEMANTICS); // what opens a directory too
    status(path(p).and_then(|p| o.open(p)).and_then(|f| f.set_times(times)))
}

#[cfg(not(fsc_std_set_times))]
#[no_mangle]
pub extern "C" fn fsc_op_set_times(_p: *const c_char, _atime: *const FscTime, _mtime: *const FscTime) -> c_int {
    FSC_UNSUPPORTED
}
