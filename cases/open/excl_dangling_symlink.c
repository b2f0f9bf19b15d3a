/*
 * open.excl_dangling_symlink — O_CREAT|O_EXCL on a symbolic link whose target does not exist.
 *
 * Steps: symlink "link" -> "missing"; open("link", O_WRONLY|O_CREAT|O_EXCL);
 * report the result; report stat("missing") (was the target created?) and
 * whether "link" is still a symbolic link. Skips on a filesystem that has no
 * symbolic links (FAT, exFAT); where symlink() fails otherwise, reports only
 * symlink=<error> (rclone mount: EIO).
 *
 * Why: POSIX says that with O_CREAT|O_EXCL a symbolic link in the last
 * component is not followed and the open fails with EEXIST. That is what
 * makes exclusive create safe in shared directories like /tmp: an attacker's
 * dangling link must not make a privileged program create (and write) a file
 * wherever the link points. A platform that follows the link here has a
 * symlink-race vulnerability in every mkstemp-style caller.
 *
 * References: POSIX.1-2024 open() (O_EXCL: "If O_EXCL and O_CREAT are set,
 * and path names a symbolic link, open() shall fail and set errno to
 * [EEXIST], regardless of the contents of the symbolic link"); open(2);
 * CWE-59.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void probe(void)
{
    struct stat st;
    fsc_stat fst;
    if (symlink("missing", "link") != 0) {
        if (errno == ENOSYS || errno == EPERM || errno == EOPNOTSUPP)
            fsc_skip("no_symlinks_on_this_filesystem");
        fsc_obs("symlink", "%s", fsc_errno_name(errno));   /* rclone's VFS: EIO */
        return;
    }
    int fd = (int)fsc_obs_sys("open", open("link", O_WRONLY | O_CREAT | O_EXCL, 0666));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
    fsc_obs_op("target_stat", fsc_op_stat("missing", &fst));
    FSC_CHECK(lstat("link", &st) == 0);
    fsc_obs_bool("link_is_symlink", S_ISLNK(st.st_mode));
}
#else
static void probe(void) { fsc_skip("no_posix_symlink"); }
#endif

FSC_PROBE(probe)
