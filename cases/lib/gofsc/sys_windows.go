package main

// #include "gofsc.h"
import "C"

import (
	"os"
	"syscall"
	"time"
)

// Every file this process has stat'ed, in order: os on Windows tells a file's
// identity only through os.SameFile (its volume serial number and file index
// are unexported), so a file's ino is its place here (dev 1): two stats get
// the same ino exactly when os.SameFile says they are the same file.
var seen []os.FileInfo

// fillSys: what os.FileInfo.Sys() holds on Windows, the
// syscall.Win32FileAttributeData os filled (os/types_windows.go fileStat):
// access and write times; there is no change time (ctime = the write time, as
// ops_win32.c does without one) and no link count (nlink -1: unknown).
func fillSys(fi os.FileInfo, st *C.fsc_go_statbuf) {
	st.nlink = -1
	st.ctime_sec, st.ctime_nsec = st.mtime_sec, st.mtime_nsec
	if d, ok := fi.Sys().(*syscall.Win32FileAttributeData); ok {
		at := time.Unix(0, d.LastAccessTime.Nanoseconds())
		st.atime_sec, st.atime_nsec = C.longlong(at.Unix()), C.long(at.Nanosecond())
	}
	st.dev = 1
	for i, f := range seen {
		if os.SameFile(f, fi) {
			st.ino = C.ulonglong(i + 1)
			return
		}
	}
	seen = append(seen, fi)
	st.ino = C.ulonglong(len(seen))
}
