// Package main is the Go half of the `go-os` backend of the file-operations
// layer (cases/lib/ops_go.c is the C half and documents each call). Built with
// `go build -buildmode=c-archive`, it exports one fsc_go_* function per
// operation, each implemented by Go's os package alone.
//
// Package syscall is imported for its types only, never to call the system:
// syscall.Errno, the error number inside the *PathError/*LinkError/
// *SyscallError that os returns (what the probes name), and syscall.Stat_t,
// what os.FileInfo.Sys() holds after os.Stat on Linux (device, inode, link
// count, access and change times, which os.FileInfo has no method for), and
// syscall.Win32FileAttributeData, what it holds on Windows (sys_*.go).
// cases/lib/tests/check_imports.py proves it.
package main

/*
#include <stdint.h>
#include "gofsc.h"
*/
import "C"

import (
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// The layer's flags (cases/lib/fsc.h).
const (
	fscRead    = 1 << 0
	fscWrite   = 1 << 1
	fscAppend  = 1 << 2
	fscCreate  = 1 << 3
	fscExcl    = 1 << 4
	fscTrunc   = 1 << 5
	fscInherit = 1 << 9
)

// Returned codes: 0, an error number of the system (syscall.Errno), or one of
// these (cases/lib/ops_go.c names them).
const (
	unsupported = 0x7FFFFF01 // FSC_UNSUPPORTED
	noErrno     = 0x7FFFFF02 // an error of os that carries no error number
)

// Open files, by the fsc_fd the layer hands out (kept here so that the
// garbage collector does not close them).
var (
	mu    sync.Mutex
	files       = map[int64]*os.File{}
	next  int64 = 3
)

func file(fd C.intptr_t) *os.File {
	mu.Lock()
	defer mu.Unlock()
	return files[int64(fd)]
}

var errBadFd = errors.New("no such open file")

// errnoOf: the system's error number inside an error of os (syscall.Errno, a
// type: errno on Linux, a Win32 error code or one of Go's own on Windows).
func errnoOf(err error) (uintptr, bool) {
	var n syscall.Errno
	if errors.As(err, &n) {
		return uintptr(n), true
	}
	return 0, false
}

func code(err error) C.int {
	if err == nil {
		return 0
	}
	if n, ok := errnoOf(err); ok {
		return C.int(n)
	}
	return noErrno
}

//export fsc_go_version
func fsc_go_version() *C.char {
	return C.CString(strings.TrimPrefix(runtime.Version(), "go"))
}

//export fsc_go_open
func fsc_go_open(path *C.char, flags C.int, out *C.intptr_t) C.int {
	*out = -1
	if flags&fscInherit != 0 {
		return unsupported
	}
	f := os.O_RDONLY
	switch flags & (fscRead | fscWrite) {
	case fscRead | fscWrite:
		f = os.O_RDWR
	case fscWrite:
		f = os.O_WRONLY
	}
	if flags&fscAppend != 0 {
		f |= os.O_APPEND
	}
	if flags&fscCreate != 0 {
		f |= os.O_CREATE
	}
	if flags&fscExcl != 0 {
		f |= os.O_EXCL
	}
	if flags&fscTrunc != 0 {
		f |= os.O_TRUNC
	}
	h, err := os.OpenFile(C.GoString(path), f, 0666)
	if err != nil {
		return code(err)
	}
	mu.Lock()
	defer mu.Unlock()
	files[next] = h
	*out = C.intptr_t(next)
	next++
	return 0
}

//export fsc_go_close
func fsc_go_close(fd C.intptr_t) C.int {
	f := file(fd)
	if f == nil {
		return code(errBadFd)
	}
	mu.Lock()
	delete(files, int64(fd))
	mu.Unlock()
	return code(f.Close())
}

func bytes(buf unsafe.Pointer, n C.size_t) []byte {
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(buf), int(n))
}

//export fsc_go_read
func fsc_go_read(fd C.intptr_t, buf unsafe.Pointer, n C.size_t, done *C.size_t) C.int {
	*done = 0
	f := file(fd)
	if f == nil {
		return code(errBadFd)
	}
	got, err := f.Read(bytes(buf, n))
	*done = C.size_t(got)
	if err == io.EOF {
		err = nil
	}
	return code(err)
}

//export fsc_go_write
func fsc_go_write(fd C.intptr_t, buf unsafe.Pointer, n C.size_t, done *C.size_t) C.int {
	*done = 0
	f := file(fd)
	if f == nil {
		return code(errBadFd)
	}
	put, err := f.Write(bytes(buf, n))
	*done = C.size_t(put)
	return code(err)
}

//export fsc_go_seek
func fsc_go_seek(fd C.intptr_t, off C.longlong, whence C.int, pos *C.longlong) C.int {
	*pos = -1
	f := file(fd)
	if f == nil {
		return code(errBadFd)
	}
	p, err := f.Seek(int64(off), int(whence)) // io.SeekStart/Current/End are 0/1/2, as FSC_SEEK_*
	if err == nil {
		*pos = C.longlong(p)
	}
	return code(err)
}

//export fsc_go_truncate
func fsc_go_truncate(fd C.intptr_t, size C.longlong) C.int {
	f := file(fd)
	if f == nil {
		return code(errBadFd)
	}
	return code(f.Truncate(int64(size)))
}

//export fsc_go_rename
func fsc_go_rename(from, to *C.char) C.int {
	return code(os.Rename(C.GoString(from), C.GoString(to)))
}

//export fsc_go_remove
func fsc_go_remove(path *C.char) C.int { return code(os.Remove(C.GoString(path))) }

//export fsc_go_link
func fsc_go_link(from, to *C.char) C.int {
	return code(os.Link(C.GoString(from), C.GoString(to)))
}

//export fsc_go_mkdir
func fsc_go_mkdir(path *C.char) C.int { return code(os.Mkdir(C.GoString(path), 0777)) }

//export fsc_go_chdir
func fsc_go_chdir(path *C.char) C.int { return code(os.Chdir(C.GoString(path))) }

func fill(fi os.FileInfo, st *C.fsc_go_statbuf) {
	*st = C.fsc_go_statbuf{}
	m := fi.Mode()
	switch {
	case m.IsRegular():
		st._type = 0
	case m.IsDir():
		st._type = 1
	case m&os.ModeSymlink != 0:
		st._type = 2
	default:
		st._type = 3
	}
	st.size = C.longlong(fi.Size())
	mt := fi.ModTime()
	st.mtime_sec, st.mtime_nsec = C.longlong(mt.Unix()), C.long(mt.Nanosecond())
	fillSys(fi, st)
}

//export fsc_go_stat
func fsc_go_stat(path *C.char, st *C.fsc_go_statbuf) C.int {
	fi, err := os.Stat(C.GoString(path))
	if err == nil {
		fill(fi, st)
	}
	return code(err)
}

//export fsc_go_fstat
func fsc_go_fstat(fd C.intptr_t, st *C.fsc_go_statbuf) C.int {
	f := file(fd)
	if f == nil {
		return code(errBadFd)
	}
	fi, err := f.Stat()
	if err == nil {
		fill(fi, st)
	}
	return code(err)
}

//export fsc_go_chtimes
func fsc_go_chtimes(path *C.char, asec C.longlong, ansec C.long, msec C.longlong, mnsec C.long) C.int {
	return code(os.Chtimes(C.GoString(path), time.Unix(int64(asec), int64(ansec)),
		time.Unix(int64(msec), int64(mnsec))))
}

// fsc_go_list: os.ReadDir; names[i] gets up to size-1 bytes of entry i, NUL-terminated.
//
// fsc_go_chmod: os.Stat + os.Chmod with the permission bits without the write
// bits (0222), or with the owner's (0200) added. Windows: os.Chmod sets
// FILE_ATTRIBUTE_READONLY when 0200 is clear, else clears it (Go 1.19
// src/syscall/syscall_windows.go, func Chmod).
//
//export fsc_go_chmod
func fsc_go_chmod(path *C.char, readonly C.int) C.int {
	name := C.GoString(path)
	fi, err := os.Stat(name)
	if err != nil {
		return code(err)
	}
	mode := fi.Mode().Perm()
	if readonly != 0 {
		mode &^= 0222
	} else {
		mode |= 0200
	}
	return code(os.Chmod(name, mode))
}

//export fsc_go_list
func fsc_go_list(dir *C.char, names *C.char, size C.int, max C.int, count *C.int) C.int {
	*count = 0
	entries, err := os.ReadDir(C.GoString(dir))
	if err != nil {
		return code(err)
	}
	for i, e := range entries {
		if i < int(max) {
			slot := unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(names), i*int(size))), int(size))
			slot[copy(slot[:size-1], e.Name())] = 0
		}
	}
	*count = C.int(len(entries))
	return 0
}

func main() {}
