/*
 * peer.flock — a flock() lock taken through one mount: does it stop a process using a second mount of the same share?
 *
 * Steps: create "f" and open it through mount A (the probe's sandbox);
 * flock(LOCK_EX). A helper in the peer sandbox (the same directory through
 * mount B) opens "f" and asks flock(LOCK_EX|LOCK_NB) ("b_excl_while_held")
 * and flock(LOCK_SH|LOCK_NB) ("b_shared_while_held"); the probe unlocks and
 * the helper asks LOCK_EX|LOCK_NB again ("b_excl_after_release"). Each is
 * granted, refused (EWOULDBLOCK) or the error's name.
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
#endif
#include "fsc.h"

#if !defined(_WIN32) && defined(LOCK_NB)
static const char *try_flock(int fd, int op)
{
    if (flock(fd, op | LOCK_NB) == 0) return "granted";
    return errno == EWOULDBLOCK ? "refused" : fsc_errno_name(errno);
}

static int other(const char *arg)
{
    int fd;
    (void)arg;
    fsc_peer_wait("f");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    fsc_obs("b_excl_while_held", "%s", try_flock(fd, LOCK_EX));
    flock(fd, LOCK_UN);
    fsc_obs("b_shared_while_held", "%s", try_flock(fd, LOCK_SH));
    flock(fd, LOCK_UN);
    fsc_send(NULL, "asked");
    fsc_expect(NULL, "released");
    fsc_obs("b_excl_after_release", "%s", try_flock(fd, LOCK_EX));
    FSC_CHECK(close(fd) == 0);
    return 0;
}

static void probe(void)
{
    int fd;
    fsc_peer_require();
    fsc_put("f", "0123456789");
    FSC_CHECK((fd = open("f", O_RDWR | O_CLOEXEC)) >= 0);
    FSC_CHECK(flock(fd, LOCK_EX | LOCK_NB) == 0);
    fsc_helper *h = fsc_spawn("other", NULL, FSC_SPAWN_EXEC | FSC_SPAWN_PEER);
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
