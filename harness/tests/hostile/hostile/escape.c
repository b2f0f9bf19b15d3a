/*
 * hostile.escape — a fixture for runners/hostile-check.py, not a probe: it
 * tries to create files outside its sandbox — "../escape.txt" beside the
 * sandbox, /tmp/escape-<pid>, and a file in the directory named by
 * $FSC_HOSTILE_OUTSIDE — and reports what each open returned. None of the
 * files may exist afterwards.
 */
#include "fsc.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void try(const char *name, const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    printf("%s=%s\n", name, fd >= 0 ? "ok" : fsc_errno_name(errno));
    if (fd >= 0)
        close(fd);
}

int main(void)
{
    char path[4096];
    const char *outside = getenv("FSC_HOSTILE_OUTSIDE");
    try("parent", "../escape.txt");
    snprintf(path, sizeof path, "/tmp/escape-%ld", (long)getpid());
    try("tmp", path);
    if (outside) {
        snprintf(path, sizeof path, "%s/escape.txt", outside);
        try("outside", path);
    }
    return 0;
}
