/*
 * dir.mkdir_existing — mkdir of a name that already exists as a file or as a directory.
 *
 * Steps: create the file "f" ("x") and the directory "d"; mkdir "f" and
 * mkdir "d"; report each result and whether "f" still reads "x" (f_kept).
 * Symbolic links in the way: dir.mkdir_over_symlink.
 *
 * Why: "mkdir -p", installers and caches call mkdir and treat "already
 * exists" as success — but only when the existing thing is a directory.
 * POSIX gives EEXIST for both, so the caller must stat to tell them
 * apart; Windows gives ERROR_ALREADY_EXISTS for both, and a wrapper that
 * maps it to "directory exists" carries on into a file.
 *
 * References: POSIX.1-2024 mkdir() ([EEXIST] "The named file exists");
 * mkdir(2); CreateDirectoryW on Microsoft Learn (ERROR_ALREADY_EXISTS
 * "The specified directory already exists").
 */
#include "fsc.h"

static void probe(void)
{
    fsc_put("f", "x");
    FSC_OK(fsc_op_mkdir("d"));
    fsc_obs_op("over_file", fsc_op_mkdir("f"));
    fsc_obs_op("over_dir", fsc_op_mkdir("d"));
    const char *s = fsc_get("f");
    fsc_obs_bool("f_kept", s && s[0] == 'x' && !s[1]);
}

FSC_PROBE(probe)
