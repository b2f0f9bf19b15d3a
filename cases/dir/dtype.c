/*
 * dir.dtype — the d_type readdir reports for a file, a directory and a symbolic link.
 *
 * Steps: create file "d/f", directory "d/s" and symbolic link "d/l" -> "f"
 * (its result is reported: filesystems without symbolic links refuse it);
 * read "d" with readdir and report each entry's d_type as reg, dir, lnk,
 * unknown (DT_UNKNOWN) or other; "absent" for an entry readdir did not list.
 *
 * Why: d_type saves a stat per entry, and fast tree walkers (find, fts,
 * git status, ripgrep, Python's os.scandir/os.walk, Go's filepath.WalkDir)
 * rely on it. A filesystem may return DT_UNKNOWN, and code that treats
 * "not DT_DIR" as "not a directory" then silently skips whole subtrees
 * there (a classic bug on XFS without ftype, some FUSE filesystems, NFS).
 *
 * References: readdir(3) ("Currently, only some filesystems ... have full
 * support for returning the file type in d_type ... All applications must
 * properly handle a return of DT_UNKNOWN"); getdents(2)
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE
#endif
#include "fsc.h"

#ifndef _WIN32
#include <dirent.h>
#include <string.h>
#include <unistd.h>

static const char *type_name(unsigned char t)
{
    return t == DT_REG ? "reg" : t == DT_DIR ? "dir" : t == DT_LNK ? "lnk"
         : t == DT_UNKNOWN ? "unknown" : "other";
}

static void probe(void)
{
    const char *f = "absent", *s = "absent", *l = "absent";
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("d/f", "x");
    FSC_OK(fsc_op_mkdir("d/s"));
    fsc_obs_sys("symlink", symlink("f", "d/l"));
    DIR *dir = opendir("d");
    FSC_CHECK(dir != NULL);
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        if (!strcmp(e->d_name, "f")) f = type_name(e->d_type);
        if (!strcmp(e->d_name, "s")) s = type_name(e->d_type);
        if (!strcmp(e->d_name, "l")) l = type_name(e->d_type);
    }
    FSC_CHECK(closedir(dir) == 0);
    fsc_obs("file_type", "%s", f);
    fsc_obs("dir_type", "%s", s);
    fsc_obs("symlink_type", "%s", l);
}
#else
static void probe(void) { fsc_skip("no_posix_readdir"); }
#endif

FSC_PROBE(probe)
