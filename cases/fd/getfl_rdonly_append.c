/*
 * fd.getfl_rdonly_append — fcntl(F_GETFL) after open(O_RDONLY|O_APPEND): the access mode and the append flag.
 *
 * Steps: create "f" holding "data"; open it O_RDONLY|O_APPEND and report the
 * result; report the access mode F_GETFL gives (O_ACCMODE bits: "O_RDONLY",
 * "O_WRONLY", "O_RDWR") and whether O_APPEND is shown; write one byte and
 * report (a read-only descriptor: EBADF).
 *
 * Why: wrappers that map mode strings to flags ("a" without "+" and with
 * it, Python's io.open, Node's fs flags, Go's os.OpenFile) sometimes end up
 * with O_APPEND on a read-only open, and code that inspects a descriptor
 * it was given (is this a log I may append to?) reads F_GETFL. O_APPEND
 * does not make the descriptor writable; whether it is kept on a read-only
 * descriptor is what F_GETFL shows.
 *
 * References: POSIX.1-2024 fcntl() (F_GETFL; O_ACCMODE), open() (O_APPEND,
 * O_RDONLY), write() ([EBADF]); fcntl(2).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void probe(void)
{
    fsc_put("f", "data");
    int fd = (int)fsc_obs_sys("open", open("f", O_RDONLY | O_APPEND));
    if (fd < 0) return;
    int fl = fcntl(fd, F_GETFL);
    FSC_CHECK(fl != -1);
    int acc = fl & O_ACCMODE;
    fsc_obs("accmode", "%s", acc == O_RDONLY ? "O_RDONLY" : acc == O_WRONLY ? "O_WRONLY"
                            : acc == O_RDWR  ? "O_RDWR" : "other");
    fsc_obs_bool("append", (fl & O_APPEND) != 0);
    fsc_obs_sys("write", write(fd, "x", 1));
    FSC_CHECK(close(fd) == 0);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
