/*
 * path.invalid_utf8 — create a file whose name holds the byte 0xFF (not UTF-8), and look it up.
 *
 * Steps (POSIX only: Win32 names are UTF-16, and the ops layer converts
 * from UTF-8, so there is no such name to ask for): open "n\xFFn" with
 * O_CREAT|O_EXCL and report the result; stat it and report the result.
 *
 * Why: to the Linux kernel a name is bytes; ext4, xfs, btrfs and tmpfs
 * store any byte but "/" and NUL. Filesystems that store UTF-16 (NTFS,
 * FAT long names, exFAT) must convert, and reject or mangle what is not
 * valid in the mount's character set. Names in Latin-1 from old archives,
 * or produced by buggy programs, then cannot be copied or backed up, and
 * languages that decode names as UTF-8 (Rust's String, Python's
 * surrogateescape, Java) need a path for the bytes they cannot decode.
 *
 * References: POSIX.1-2024 3.170 "Filename" (any byte but slash and
 * null); open(2) [EILSEQ is not listed, but FUSE and kernel NTFS/FAT
 * drivers return it]; ntfs-3g(8); Linux Documentation/filesystems/vfat.rst
 * (utf8, iocharset); PEP 383 (surrogateescape)
 */
#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

static void probe(void)
{
#ifndef _WIN32
    struct stat st;
    int fd = open("n\xFFn", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    fsc_obs_sys("create", fd);
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
    fsc_obs_sys("stat", stat("n\xFFn", &st));
#else
    fsc_skip("names_are_utf16");
#endif
}

FSC_PROBE(probe)
