/*
 * path.name_max_bytes — create a file whose name is 255 ASCII bytes, and one of 256.
 *
 * Steps: create (ops layer, create + exclusive) a name of 255 "a"s and
 * report the result; the same with 256 "b"s.
 *
 * Why: 255 is the common limit (NAME_MAX on Linux, 255 UTF-16 units on
 * NTFS, FAT long names and exFAT), but it is the filesystem's, not the
 * OS's: network and FUSE filesystems, eCryptfs (143) and overlay stacks
 * have smaller ones, and Win32 without long-path support also limits the
 * whole path to MAX_PATH (260), so a long name in a deep directory fails
 * there. Programs that derive file names from content (URL caches, hashes
 * plus titles, generated test names) must handle ENAMETOOLONG rather than
 * assume it never happens.
 *
 * References: POSIX.1-2024 <limits.h> NAME_MAX, open() [ENAMETOOLONG];
 * Microsoft Learn "Naming Files, Paths, and Namespaces" ("Maximum Path
 * Length Limitation"); Microsoft Learn "File System Functionality
 * Comparison" (maximum file name length 255)
 */
#include "fsc.h"

#include <string.h>

static void try_create(const char *obs, char c, size_t len)
{
    char name[300];
    fsc_fd fd;
    memset(name, c, len);
    name[len] = 0;
    int err = fsc_op_open(name, FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
    fsc_obs_op(obs, err);
    if (!err) FSC_OK(fsc_op_close(fd));
}

static void probe(void)
{
    try_create("create_255", 'a', 255);
    try_create("create_256", 'b', 256);
}

FSC_PROBE(probe)
