/*
 * peer.rename_replace_reader — a reader on a second mount while the first replaces a file by rename: does the reader's open ever fail?
 *
 * Steps: create "status" holding "v" through mount A. A helper in the
 * peer sandbox (mount B) waits for it to show there (fsc_spawn_peer: else
 * b_found=never and the probe stops), then opens and reads "status" 300
 * times; at the same
 * time the probe replaces it through A 100 times (write "tmp", rename
 * "tmp" over "status"; "a_rename" is ok, or the first failure's name,
 * which ends the replacing). The helper reports "b_enoent": none (every open
 * succeeded) or some (an open failed with ENOENT — the name was missing
 * for B), and "b_other": none or the first other error's name.
 *
 * Why: the status-file pattern — write a temporary file, rename it over
 * the real one — is atomic on one system: a reader always finds either the
 * old or the new file. Across clients the name may be looked up between
 * the server's remove and create, or in a client cache that has dropped
 * the old entry before learning the new one, and the reader concludes
 * that the file does not exist.
 *
 * References: POSIX.1-2024 rename() ("If the link named by the new
 * argument exists, it shall be removed and old renamed to new. In this
 * case, a link named new shall remain visible to other threads throughout
 * the renaming operation"); SFTP rename without the posix-rename extension
 * fails over an existing file (draft-ietf-secsh-filexfer-02 6.5).
 * Needs: peer
 */
#include "fsc.h"

#include <string.h>

static int is_missing(int e)
{
    return !strcmp(fsc_op_errname(e), "ENOENT") ||
           !strcmp(fsc_op_errname(e), "ERROR_FILE_NOT_FOUND");
}

static int other(const char *arg)
{
    int enoent = 0;
    const char *other = "none";
    (void)arg;
    if (!fsc_peer_found(fsc_peer_exists, "status")) return 0;
    fsc_expect(NULL, "go");
    for (int i = 0; i < 300; i++) {
        fsc_fd fd;
        int e = fsc_op_open("status", FSC_READ | FSC_SHARE_ALL, &fd);
        if (!e) {
            char c;
            size_t n;
            fsc_op_read(fd, &c, 1, &n);
            fsc_op_close(fd);
        } else if (is_missing(e)) {
            enoent = 1;
        } else if (!strcmp(other, "none")) {
            other = fsc_op_errname(e);
        }
    }
    fsc_obs_some("b_enoent", enoent);
    fsc_obs("b_other", "%s", other);
    return 0;
}

static void probe(void)
{
    fsc_peer_require();
    fsc_put("status", "v");
    fsc_helper *h = fsc_spawn_peer("other");
    if (!h) return;
    fsc_send(h, "go");
    int e = 0;
    for (int i = 0; i < 100 && !e; i++) {
        fsc_put("tmp", "v");
        e = fsc_op_rename("tmp", "status");
    }
    fsc_obs_op("a_rename", e);   /* the first failure ends the replacing */
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"other", other})
