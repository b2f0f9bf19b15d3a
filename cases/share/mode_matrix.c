/*
 * share.mode_matrix — which second open of a file succeeds, for every access and share mode pair.
 *
 * Steps: for every first open (access: attributes only, read, write, delete;
 * share: each of the 8 combinations of read/write/delete) and every second
 * open of the same file (the same 32 choices), open "f" twice through the
 * operations layer, record whether the second open succeeded and how it
 * failed, close both. That is 1024 pairs. Each outcome is compared with two
 * models: "nt" — the NT rule: an open that asks for read, write or delete
 * access needs every earlier open to share that access, and must itself
 * share the access of every earlier open that asked for data or delete
 * access; an open with attributes-only access neither checks nor restricts —
 * and "none", no sharing enforcement (every open succeeds, as on POSIX).
 * Reports how many pairs agree with each, the model (nt, none or other), the
 * first pair that disagrees with the NT rule, the error a refused open gave,
 * and six named cells people look up.
 *
 * Why: on Windows every open is also a lock on what others may do: a file
 * opened by the C runtime (share read|write, no delete) cannot be renamed or
 * deleted by anyone until it is closed; a virus scanner or indexer that opens
 * without FILE_SHARE_DELETE makes atomic saves fail at random. POSIX code
 * ported to Windows meets this as "Access is denied" and "being used by
 * another process". Emulators and file-system drivers that get the rule
 * slightly wrong break the programs that depend on it.
 *
 * References: CreateFileW (dwShareMode); "Creating and Opening Files"
 * (the sharing table); IoCheckShareAccess; Wine dlls/kernel32/tests/file.c
 * test_file_sharing (its oracle is_sharing_compatible states the same rule).
 */
#include "fsc.h"

#include <stdio.h>
#include <string.h>

enum { R = 1, W = 2, D = 4 };   /* access and share bits */

static const struct {
    const char *name;
    int flags, bits;   /* bits: the access that takes part in sharing */
} access[] = {{"attrs", FSC_ATTRS, 0}, {"read", FSC_READ, R},
              {"write", FSC_WRITE, W}, {"delete", FSC_DELETE, D}};

static int share_flags(int s)
{
    return (s & R ? FSC_SHARE_READ : 0) | (s & W ? FSC_SHARE_WRITE : 0) |
           (s & D ? FSC_SHARE_DELETE : 0);
}

static void share_name(int s, char *out)
{
    if (!s) strcpy(out, "none");
    else sprintf(out, "%s%s%s", s & R ? "r" : "", s & W ? "w" : "", s & D ? "d" : "");
}

/* The NT rule: an open without data or delete access shares everything. */
static int nt_allows(int a1, int s1, int a2, int s2)
{
    if (!a1) s1 = R | W | D;
    if (!a2) s2 = R | W | D;
    return (a2 & ~s1) == 0 && (a1 & ~s2) == 0;
}

static const char *const named[] = {
    "read_rw.write_rw",  "read_rw.delete_rwd", "read_rwd.delete_rwd",
    "write_r.write_rw",  "read_none.attrs_none", "delete_rwd.read_rw"};

static void probe(void)
{
    int agree_nt = 0, agree_none = 0, pairs = 0;
    char first_bad[96] = "none", refusal[64] = "none";
    fsc_put("f", "x");
    for (int i = 0; i < 4; i++)
        for (int s1 = 0; s1 < 8; s1++)
            for (int j = 0; j < 4; j++)
                for (int s2 = 0; s2 < 8; s2++) {
                    fsc_fd f1, f2;
                    char n1[8], n2[8], cell[64];
                    FSC_OK(fsc_op_open("f", access[i].flags | share_flags(s1), &f1));
                    int err = fsc_op_open("f", access[j].flags | share_flags(s2), &f2);
                    if (!err) FSC_OK(fsc_op_close(f2));
                    FSC_OK(fsc_op_close(f1));
                    pairs++;
                    agree_none += !err;
                    share_name(s1, n1);
                    share_name(s2, n2);
                    snprintf(cell, sizeof cell, "%s_%s.%s_%s", access[i].name, n1,
                             access[j].name, n2);
                    if (err && !strcmp(refusal, "none"))
                        snprintf(refusal, sizeof refusal, "%s", fsc_op_errname(err));
                    if (nt_allows(access[i].bits, s1, access[j].bits, s2) == !err)
                        agree_nt++;
                    else if (!strcmp(first_bad, "none"))
                        snprintf(first_bad, sizeof first_bad, "%s=%s", cell,
                                 err ? fsc_op_errname(err) : "ok");
                    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
                        if (!strcmp(cell, named[k])) {
                            char obs[80];
                            snprintf(obs, sizeof obs, "cell.%s", cell);
                            fsc_obs_op(obs, err);
                        }
                }
    fsc_obs_int("pairs", pairs);
    fsc_obs_int("agree_nt", agree_nt);
    fsc_obs_int("agree_none", agree_none);
    fsc_obs("model", "%s", agree_nt == pairs ? "nt" : agree_none == pairs ? "none" : "other");
    fsc_obs("first_nt_disagreement", "%s", first_bad);
    fsc_obs("refused_with", "%s", refusal);
}

FSC_PROBE(probe)
