/*
 * perm.readonly_file_write — as root, open a mode 0444 file for writing and write to it.
 *
 * Steps: (root only; skips otherwise) create "f" holding "old" with mode
 * 0444 (umask 0), report the permission bits stat shows (mode); open it
 * O_WRONLY and report the result; when it opened, write "new" over "old",
 * report the result, close; report what the file reads (content). No
 * O_TRUNC: fusefat 0.1a hangs (100% CPU) deleting a file that was
 * truncated on open and rewritten, the second time it happens.
 *
 * Why: root bypasses permission bits (CAP_DAC_OVERRIDE) on Linux file
 * systems, so a program running as root (installers, package managers,
 * containers run as root, CI jobs) "succeeds" in overwriting files meant
 * to be read-only — but not where the bit is a file-system attribute the
 * driver enforces itself (the FAT/NTFS read-only attribute, FUSE daemons
 * that check access), nor on Windows, where FILE_ATTRIBUTE_READONLY stops
 * administrators too. Code tested as root on ext4 then fails elsewhere, or
 * the reverse.
 *
 * References: POSIX.1-2024 open() (EACCES), XBD 4.5 "File Access
 * Permissions" (appropriate privileges); Linux capabilities(7)
 * (CAP_DAC_OVERRIDE); Win32 "File Attribute Constants"
 * (FILE_ATTRIBUTE_READONLY).
 */
#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void probe(void)
{
    struct stat st;
    if (geteuid() != 0) fsc_skip("not_root");
    umask(0);
    int fd = open("f", O_CREAT | O_EXCL | O_WRONLY, 0444);
    FSC_CHECK(fd != -1 && write(fd, "old", 3) == 3 && close(fd) == 0);
    FSC_CHECK(stat("f", &st) == 0);
    fsc_obs("mode", "%04o", (unsigned)(st.st_mode & 07777));
    fd = (int)fsc_obs_sys("open_write", open("f", O_WRONLY));
    if (fd != -1) {
        fsc_obs_sys("write", write(fd, "new", 3));
        close(fd);
    }
    const char *s = fsc_get("f");
    fsc_obs("content", "%s", s ? (*s ? s : "empty") : "unreadable");
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
