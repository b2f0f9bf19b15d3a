package main

// #include <stdint.h>
// #include "gofsc.h"
import "C"

import (
	"os"
	"syscall"
)

// fillSys: what os.FileInfo.Sys() holds after os.Stat or File.Stat on Linux:
// the syscall.Stat_t os filled (os/stat_linux.go fillFileStatFromSys).
func fillSys(fi os.FileInfo, st *C.fsc_go_statbuf) {
	s, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	st.dev, st.ino, st.nlink = C.ulonglong(s.Dev), C.ulonglong(s.Ino), C.longlong(s.Nlink)
	st.atime_sec, st.atime_nsec = C.longlong(s.Atim.Sec), C.long(s.Atim.Nsec)
	st.ctime_sec, st.ctime_nsec = C.longlong(s.Ctim.Sec), C.long(s.Ctim.Nsec)
}
