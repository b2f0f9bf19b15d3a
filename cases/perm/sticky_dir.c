/*
 * perm.sticky_dir — in a sticky directory (mode 1777), another user can neither delete nor rename your file.
 *
 * Steps: (root only; skips otherwise) make "s" with mode 1777 and "n"
 * with mode 0777, holding files owned by uid/gid 4242 ("s/fa", "s/fb",
 * "s/fc", "n/fa"; skips where chmod or chown is refused); report the mode stat
 * shows for "s" (s_mode). Two helpers open both directories as root and
 * then drop to uid/gid 4243 ("other") and 4242 ("owner"); each removes
 * or renames by name inside the directory it holds open (so nothing above
 * it needs to be searchable by them). Report: other_unlink (4243 unlinks
 * s/fa), other_rename (4243 renames s/fb to s/gb), owner_unlink (4242
 * unlinks s/fc) and nonsticky_other_unlink (4243 unlinks n/fa, the
 * control without the sticky bit). Native POSIX; skips on Windows.
 *
 * Why: /tmp, /var/tmp and shared upload or spool directories are 1777 so
 * that users cannot delete or replace each other's files; the sticky bit
 * is what stops a local user from removing another's socket, lock file
 * or temporary file and planting their own. File systems that do not
 * keep the mode (FAT, exFAT, WebDAV) or let the server decide (sshfs,
 * rclone) lose that protection silently.
 *
 * References: POSIX.1-2024 rename() and unlink() ([EACCES] or [EPERM]
 * "The S_ISVTX flag is set on the directory ... and
 * the calling process does not have appropriate privileges"), chmod()
 * (S_ISVTX); inode(7) ("the sticky bit"); unlink(2), rename(2).
 */
#include "fsc.h"

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OWNER = 4242, OTHER = 4243 };

/* Commands: "u DIR NAME" unlinks, "r DIR NAME NEW" renames, where DIR is
 * s or n; replies with the result. "end" ends. */
static int user(const char *arg)
{
    int sfd = open("s", O_RDONLY | O_DIRECTORY), nfd = open("n", O_RDONLY | O_DIRECTORY);
    uid_t uid = (uid_t)atoi(arg);
    FSC_CHECK(sfd != -1 && nfd != -1 && setgid(uid) == 0 && setuid(uid) == 0);
    for (;;) {
        char op, dir, name[16], to[16];
        const char *cmd = fsc_recv(NULL);
        if (!strcmp(cmd, "end")) break;
        int n = sscanf(cmd, "%c %c %15s %15s", &op, &dir, name, to);
        FSC_CHECK(n >= 3);
        int fd = dir == 's' ? sfd : nfd;
        int rc = op == 'u' ? unlinkat(fd, name, 0) : renameat(fd, name, fd, to);
        fsc_send(NULL, "%s", rc ? fsc_errno_name(errno) : "ok");
    }
    return 0;
}

static void ask(const char *obs, fsc_helper *h, const char *cmd)
{
    fsc_send(h, "%s", cmd);
    fsc_obs(obs, "%s", fsc_recv(h));
}

static void probe(void)
{
    static const char *const files[] = {"s/fa", "s/fb", "s/fc", "n/fa"};
    struct stat st;
    char arg[16];
    if (geteuid() != 0) fsc_skip("not_root");
    FSC_CHECK(mkdir("s", 0777) == 0 && mkdir("n", 0777) == 0);
    if (chmod("s", 01777) != 0 || chmod("n", 0777) != 0) fsc_skip("chmod_refused");
    for (int i = 0; i < 4; i++) {
        fsc_put(files[i], "x");
        if (chown(files[i], OWNER, OWNER) != 0) fsc_skip("chown_refused");
    }
    FSC_CHECK(stat("s", &st) == 0);
    fsc_obs("s_mode", "%04o", (unsigned)(st.st_mode & 07777));
    snprintf(arg, sizeof arg, "%d", OTHER);
    fsc_helper *other = fsc_spawn("user", arg, FSC_SPAWN_EXEC);
    snprintf(arg, sizeof arg, "%d", OWNER);
    fsc_helper *owner = fsc_spawn("user", arg, FSC_SPAWN_EXEC);
    ask("other_unlink", other, "u s fa");
    ask("other_rename", other, "r s fb gb");
    ask("owner_unlink", owner, "u s fc");
    ask("nonsticky_other_unlink", other, "u n fa");
    fsc_send(other, "end");
    fsc_send(owner, "end");
    FSC_CHECK(fsc_wait(other) == 0 && fsc_wait(owner) == 0);
}
FSC_PROBE_HELPERS(probe, {"user", user})
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
FSC_PROBE(probe)
#endif
