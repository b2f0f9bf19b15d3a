/*
 * open.excl_race — two processes create the same name with create-exclusive at the same moment: how many win.
 *
 * Steps: start two helpers; each says it is ready and waits; the probe
 * tells both to go, and each opens "f" for writing with create-exclusive
 * (O_CREAT|O_EXCL, CREATE_NEW) and reports its result. The probe reports
 * how many won ("one", "none" or "both" — never which) and the loser's
 * error.
 *
 * Why: O_CREAT|O_EXCL is the lock-file and "claim this name" primitive of
 * Unix (mkstemp, lockfile, maildir delivery, pid files, git's index.lock):
 * it is correct only if the existence check and the creation are one
 * atomic step, so exactly one of any number of racing creators wins. On
 * file systems that emulate it with a lookup then a create (old NFS,
 * some FUSE and network file systems) both can win.
 *
 * References: POSIX.1-2024 open() (O_EXCL: "The check for the existence of
 * the file and the creation of the file if it does not exist shall be
 * atomic with respect to other threads executing open() naming the same
 * filename"); open(2) (O_EXCL on NFS); CreateFileW (CREATE_NEW).
 */
#include "fsc.h"

#include <string.h>

static int creator(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    fsc_send(NULL, "ready");
    fsc_expect(NULL, "go");
    int err = fsc_op_open("f", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_ALL, &fd);
    if (!err) FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "%s", err ? fsc_op_errname(err) : "ok");
    return 0;
}

static void probe(void)
{
    fsc_helper *h[2];
    char result[2][64];
    int wins = 0;
    for (int i = 0; i < 2; i++) h[i] = fsc_spawn("creator", NULL, FSC_SPAWN_EXEC);
    for (int i = 0; i < 2; i++) fsc_expect(h[i], "ready");
    for (int i = 0; i < 2; i++) fsc_send(h[i], "go");
    for (int i = 0; i < 2; i++) {
        const char *r = fsc_recv(h[i]);
        FSC_CHECK(strlen(r) < sizeof result[i]);
        strcpy(result[i], r);
        wins += strcmp(r, "ok") == 0;
        FSC_CHECK(fsc_wait(h[i]) == 0);
    }
    fsc_obs("winners", "%s", wins == 1 ? "one" : wins == 0 ? "none" : "both");
    if (wins == 1) fsc_obs("loser", "%s", strcmp(result[0], "ok") ? result[0] : result[1]);
}

FSC_PROBE_HELPERS(probe, {"creator", creator})
