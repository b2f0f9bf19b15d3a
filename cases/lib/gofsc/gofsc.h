/* What the Go half of the go-os backend (gofsc.go) fills for fsc_go_stat and
 * fsc_go_fstat; cases/lib/ops_go.c copies it into an fsc_stat. */
#ifndef GOFSC_H
#define GOFSC_H
typedef struct fsc_go_statbuf {
    unsigned long long dev, ino;
    int type;
    long long size, nlink;
    long long atime_sec, mtime_sec, ctime_sec;
    long atime_nsec, mtime_nsec, ctime_nsec;
} fsc_go_statbuf;
#endif
