/*
 * shim_rename.c — an LD_PRELOAD shim for the record test: a platform whose rename
 * fails with EXDEV ("not on the same device") for every relative path, so probes
 * (which use relative paths in their sandbox) meet it and the harness (absolute paths,
 * its own atomic writes) does not. glibc's rename() calls the rename/renameat2 system
 * call itself, so interposing rename covers fsc_op_rename; renameat is covered too.
 * renameat2 (rename.noreplace, rename.exchange) is left alone.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <dlfcn.h>
#include <stdio.h>

int rename(const char *from, const char *to)
{
    if (from[0] != '/' || to[0] != '/') {
        errno = EXDEV;
        return -1;
    }
    int (*real)(const char *, const char *) =
        (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    return real(from, to);
}

int renameat(int fromfd, const char *from, int tofd, const char *to)
{
    if (from[0] != '/' || to[0] != '/') {
        errno = EXDEV;
        return -1;
    }
    int (*real)(int, const char *, int, const char *) =
        (int (*)(int, const char *, int, const char *))dlsym(RTLD_NEXT, "renameat");
    return real(fromfd, from, tofd, to);
}
