/*
 * open.cloexec_flag — open(2) with O_CLOEXEC: FD_CLOEXEC set on the descriptor, not a status flag.
 *
 * Steps: create "f"; open it with O_RDONLY|O_CLOEXEC and report whether
 * fcntl(F_GETFD) shows FD_CLOEXEC; open it again without O_CLOEXEC and
 * report the same (the control: clear).
 *
 * Why: O_CLOEXEC is the only race-free way to keep a new descriptor out of
 * programs that another thread starts at the same moment (the reason every
 * modern runtime — glibc's fopen "e", Go, Rust, Python 3.4+, libuv — opens
 * with it). A platform or file system that accepted the flag but did not
 * set FD_CLOEXEC would leak every file into child processes.
 *
 * References: POSIX.1-2024 open() (O_CLOEXEC: the FD_CLOEXEC flag of the
 * new descriptor is set); fcntl() (F_GETFD); open(2) (O_CLOEXEC).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void try_open(const char *name, int flags)
{
    int fd = open("f", O_RDONLY | flags);
    FSC_CHECK(fd >= 0);
    int fdfl = fcntl(fd, F_GETFD);
    FSC_CHECK(fdfl != -1);
    fsc_obs_bool(name, (fdfl & FD_CLOEXEC) != 0);
    FSC_CHECK(close(fd) == 0);
}

static void probe(void)
{
    fsc_put("f", "x");
    try_open("with_o_cloexec", O_CLOEXEC);
    try_open("without", 0);
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
