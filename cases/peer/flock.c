/*
 * peer.flock — a flock() lock taken through one mount: does it stop a process using a second mount of the same share?
 *
 * Steps: create "f" and open it through mount A (the probe's sandbox);
 * flock(LOCK_EX). A helper in the peer sandbox (the same directory through
 * mount B) waits for "f" to show there (fsc_spawn_peer: else b_found=never
 * and the probe stops), opens it read-write ("b_open": ok or the error's
 * name; refused, nothing more is asked) and asks flock(LOCK_EX|LOCK_NB)
 * ("b_excl_while_held") and flock(LOCK_SH|LOCK_NB) ("b_shared_while_held");
 * the probe unlocks and the helper asks LOCK_EX|LOCK_NB again
 * ("b_excl_after_release"). Each is granted, refused (EWOULDBLOCK) or the
 * error's name.
 *
 * Why: flock is what shell scripts (flock(1)), package managers and many
 * daemons' pid files use. On NFS Linux emulates it with byte-range locks
 * (seen by other clients); on FUSE filesystems it is often local to the
 * kernel that took it, so a second machine is not kept out at all.
 *
 * References: Linux flock(2) NOTES ("flock() does not lock files over
 * NFS" before 2.6.12; since then emulated with fcntl byte-range locks);
 * libfuse fuse_lowlevel.h flock ("If this method is not implemented, the
 * kernel will still allow file locking to work locally"); not in POSIX.
 * Needs: peer
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "fsc_posix.h"
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
static int other(const char *arg)
{
    (void)arg;
    if (!fsc_peer_found(fsc_peer_exists, "f")) return 0;
    int fd = open("f", O_RDWR | O_CLOEXEC);
    fsc_obs("b_open", "%s", fd >= 0 ? "ok" : fsc_errno_name(errno));
    if (fd >= 0) {
        fsc_obs("b_excl_while_held", "%s", fsc_try_flock(fd, LOCK_EX));
        flock(fd, LOCK_UN);
        fsc_obs("b_shared_while_held", "%s", fsc_try_flock(fd, LOCK_SH));
        flock(fd, LOCK_UN);
    }
    fsc_send(NULL, "asked");
    fsc_expect(NULL, "released");
    if (fd >= 0) {
        fsc_obs("b_excl_after_release", "%s", fsc_try_flock(fd, LOCK_EX));
        FSC_CHECK(close(fd) == 0);
    }
    return 0;
}

static void probe(void)
{
    int fd;
    fsc_peer_require();
    fsc_put("f", "0123456789");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(flock(fd, LOCK_EX | LOCK_NB) == 0);
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) {
        FSC_CHECK(close(fd) == 0);
        return;
    }
    fsc_expect(h, "asked");
    FSC_CHECK(flock(fd, LOCK_UN) == 0);
    fsc_send(h, "released");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_CHECK(close(fd) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
#else
static void probe(void) { fsc_skip("no_flock"); }
FSC_PROBE(probe)
#endif
