/*
 * perm.mkfifo — creating a FIFO (mkfifo, mknod) and a socket node (mknod): supported or not.
 *
 * Steps: mkfifo "p" (0600); mknod "q" as S_IFIFO (0600); mknod "s" as
 * S_IFSOCK (0600); report each call's result and what lstat finds under
 * the name afterwards, also after a failure (fifo, socket, file, other, or
 * none: no such name).
 *
 * Why: FIFOs and socket nodes are how shells (process substitution in
 * bash's /tmp fallback), make's job server (fifo: style in GNU make 4.4),
 * systemd, X11, ssh-agent, databases and test suites rendezvous; FAT,
 * exFAT and NTFS have no such file types, so their drivers refuse
 * (EPERM, ENOSYS) or store something that is not a FIFO. A program that
 * puts its runtime directory on such a volume breaks there.
 *
 * References: POSIX.1-2024 mkfifo(), mknod() (S_IFIFO portable; other
 * types implementation-defined); Linux mknod(2) (S_IFSOCK; EPERM "the file
 * system containing pathname does not support the type of node
 * requested"); GNU make manual, "--jobserver-style=fifo".
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <sys/stat.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void report_type(const char *call, const char *type, const char *path, int rc)
{
    struct stat st;
    fsc_obs_sys(call, rc);
    fsc_obs(type, "%s", lstat(path, &st) != 0   ? "none"
                        : S_ISFIFO(st.st_mode) ? "fifo"
                        : S_ISSOCK(st.st_mode) ? "socket"
                        : S_ISREG(st.st_mode)  ? "file"
                                               : "other");
}

static void probe(void)
{
    report_type("mkfifo", "mkfifo_type", "p", mkfifo("p", 0600));
    report_type("mknod_fifo", "mknod_fifo_type", "q", mknod("q", S_IFIFO | 0600, 0));
    report_type("mknod_socket", "mknod_socket_type", "s", mknod("s", S_IFSOCK | 0600, 0));
}
#else
static void probe(void) { fsc_skip("no_fifo"); }
#endif

FSC_PROBE(probe)
