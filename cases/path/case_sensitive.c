/*
 * path.case_sensitive — create "name", then exclusively create "NAME": two files or one?
 *
 * Steps: create "name" (ops layer); open "NAME" with create + exclusive and
 * report the result (ok: a second file; EEXIST / ERROR_FILE_EXISTS: the
 * name already exists in another case); stat both names and report whether
 * they have the same identity (device and inode / volume serial and file
 * index); report what "NAME" reads ("lower": the first file; "empty": a
 * new one).
 *
 * Why: Linux filesystems are case-sensitive, Windows (NTFS, FAT, exFAT) and
 * macOS (APFS by default) are not. A source tree with "Makefile" and
 * "makefile", or "README" and "readme", loses a file when it is checked out
 * on a case-insensitive filesystem (git warns about "colliding paths");
 * build tools and package managers that create files by name can overwrite
 * each other's output; lock files named by case-differing keys collide.
 *
 * References: Microsoft Learn "Case sensitivity"
 * (https://learn.microsoft.com/windows/wsl/case-sensitivity); Microsoft
 * Learn "Naming Files, Paths, and Namespaces"; open(2) (O_EXCL, EEXIST);
 * CreateFileW (CREATE_NEW, ERROR_FILE_EXISTS); mount options of vfat
 * (Linux Documentation/filesystems/vfat.rst)
 */
#include "fsc.h"

#include <string.h>

static void probe(void)
{
    fsc_fd fd;
    fsc_stat lower, upper;
    fsc_put("name", "lower");
    int err = fsc_op_open("NAME", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
    fsc_obs_op("create_upper", err);
    if (!err) FSC_OK(fsc_op_close(fd));
    FSC_OK(fsc_op_stat("name", &lower));
    err = fsc_op_stat("NAME", &upper);
    fsc_obs_op("stat_upper", err);
    fsc_obs_bool("same_identity", !err && lower.dev == upper.dev && lower.ino == upper.ino);
    const char *text = fsc_get("NAME");
    fsc_obs_bytes("upper_reads", text ? text : "unreadable", text ? strlen(text) : 10);
}

FSC_PROBE(probe)
