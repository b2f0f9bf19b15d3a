/*
 * peer.fcntl_lock — a byte-range lock taken through one mount: does it stop a process using a second mount of the same share?
 *
 * Steps: create "f" and open it read-write through mount A (the probe's
 * sandbox); take an exclusive lock on bytes 0-9 (never waiting). A helper
 * in the peer sandbox (the same directory through mount B, another client)
 * waits for "f" to show there (fsc_spawn_peer: else b_found=never and the
 * probe stops), opens it read-write ("b_open": ok or the error's name — a
 * client that locks the file on the server while A has it open for writing
 * refuses it, and then nothing more is asked) and asks, never waiting, for
 * an exclusive lock on the same bytes ("b_excl_while_held") and for a
 * shared one ("b_shared_while_held"); the probe then releases its lock and
 * the helper asks for the exclusive lock again ("b_excl_after_release").
 * Each is ok or the error's name.
 *
 * Why: two machines running the same job on a network home directory (a
 * build cache, a mail spool, an SQLite database) rely on the lock one of
 * them takes to keep the other out. A client that keeps locks to itself
 * grants both: the data is corrupted with no error anywhere.
 *
 * References: POSIX.1-2024 fcntl() (F_SETLK: "If a shared or exclusive
 * lock cannot be set, fcntl() shall return immediately with a return value
 * of -1"); nfs(5) "File locking" (NLM/NFSv4 locks are seen by every
 * client); sshfs(1) has no lock support in SFTP; SQLite "How To Corrupt
 * An SQLite Database File" 2.1 (filesystems with broken or missing lock
 * implementations).
 * Needs: peer
 */
#include "fsc.h"

static int other(const char *arg)
{
    fsc_fd fd;
    (void)arg;
    if (!fsc_peer_found(fsc_peer_exists, "f")) return 0;
    int e = fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd);
    fsc_obs_op("b_open", e);
    if (!e) {
        fsc_obs_op("b_excl_while_held", fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
        fsc_op_unlock(fd, 0, 10);
        fsc_obs_op("b_shared_while_held", fsc_op_lock(fd, 0, 10, FSC_LOCK_SHARED));
        fsc_op_unlock(fd, 0, 10);
    }
    fsc_send(NULL, "asked");
    fsc_expect(NULL, "released");
    if (!e) {
        fsc_obs_op("b_excl_after_release", fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
        FSC_OK(fsc_op_close(fd));
    }
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    fsc_peer_require();
    fsc_put("f", "0123456789");
    FSC_OK(fsc_op_open("f", FSC_RDWR | FSC_SHARE_ALL, &fd));
    FSC_OK(fsc_op_lock(fd, 0, 10, FSC_LOCK_EXCL));
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) {
        FSC_OK(fsc_op_close(fd));
        return;
    }
    fsc_expect(h, "asked");
    FSC_OK(fsc_op_unlock(fd, 0, 10));
    fsc_send(h, "released");
    FSC_CHECK(fsc_wait(h) == 0);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE_HELPERS(probe, {"other", other})
