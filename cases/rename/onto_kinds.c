/*
 * rename.onto_kinds — rename a file or an empty directory onto each kind of destination: missing, file, empty directory, non-empty directory.
 *
 * Steps: for each source kind (file, empty directory) and destination kind
 * (missing; a file; an empty directory; a directory holding "c"), in a
 * directory of its own ("<src>.<dst>"): create the source "s" and the
 * destination "d" (every cell is set up before the first rename: a file
 * system that reuses a replaced directory's node, as davfs2 does, must not
 * hand it to the next cell's mkdir); rename "s" to "d" (fsc_op_rename: rename(2) /
 * MoveFileExW with MOVEFILE_REPLACE_EXISTING); report <src>.<dst>.rename
 * (the result), <src>.<dst>.src (stat of "s": ok or the error) and
 * <src>.<dst>.dst (what "d" is now: file, dir or absent). Symbolic links
 * as source or destination: rename.symlink_kinds.
 *
 * Why: "mv a b", save-by-rename and "publish a directory by rename" meet a
 * destination that is not what they expected. POSIX refuses a file over a
 * directory (EISDIR) and a directory over a file (ENOTDIR), replaces an
 * empty directory and lets the system choose EEXIST or ENOTEMPTY for a
 * non-empty one; Windows refuses directory replacement altogether and
 * names the refusals differently (access denied), so code that maps errors
 * to messages or retries on one code misreads the others.
 *
 * References: POSIX.1-2024 rename() ([EISDIR], [ENOTDIR], [EEXIST] or
 * [ENOTEMPTY]; "If the old argument points to the pathname of a
 * directory, the new argument shall not point to the pathname of a file
 * that is not a directory"); rename(2); MoveFileExW on Microsoft Learn
 * (MOVEFILE_REPLACE_EXISTING "cannot be used if lpNewFileName or
 * lpExistingFileName names a directory").
 */
#include <stdio.h>
#include "fsc.h"

static const char *const srcs[] = {"file", "dir"};
static const char *const dsts[] = {"missing", "file", "empty_dir", "nonempty_dir"};

static void paths(int si, int di, char *dir, char *s, char *d)
{
    snprintf(dir, 40, "%s.%s", srcs[si], dsts[di]);
    snprintf(s, 48, "%s/s", dir);
    snprintf(d, 48, "%s/d", dir);
}

static void setup(int si, int di)
{
    char dir[40], s[48], d[48], c[56];
    paths(si, di, dir, s, d);
    snprintf(c, sizeof c, "%s/c", d);
    FSC_OK(fsc_op_mkdir(dir));
    if (si == 0) fsc_put(s, "src");
    else FSC_OK(fsc_op_mkdir(s));
    if (di == 1) fsc_put(d, "old");
    if (di >= 2) FSC_OK(fsc_op_mkdir(d));
    if (di == 3) fsc_put(c, "old");
}

static void cell(int si, int di)
{
    char dir[40], s[48], d[48], name[64];
    fsc_stat st;
    paths(si, di, dir, s, d);
    snprintf(name, sizeof name, "%s.rename", dir);
    fsc_obs_op(name, fsc_op_rename(s, d));
    snprintf(name, sizeof name, "%s.src", dir);
    fsc_obs_op(name, fsc_op_stat(s, &st));
    snprintf(name, sizeof name, "%s.dst", dir);
    int err = fsc_op_stat(d, &st);
    fsc_obs(name, "%s", err ? "absent" : st.type == FSC_TYPE_DIR ? "dir" : "file");
}

static void probe(void)
{
    for (int si = 0; si < 2; si++)
        for (int di = 0; di < 4; di++) setup(si, di);
    for (int si = 0; si < 2; si++)
        for (int di = 0; di < 4; di++) cell(si, di);
}

FSC_PROBE(probe)
