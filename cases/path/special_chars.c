/*
 * path.special_chars — create names holding : * ? " < > | \ or 0x01, or starting with a space.
 *
 * Steps: for each character c in : * ? " < > | \ and 0x01, create the file
 * "n<c>n" with create + exclusive (ops layer), and the file " n" (leading
 * space); report each result under the character's name (colon, star,
 * question, quote, lt, gt, pipe, backslash, ctrl01, leading_space): ok, or
 * the error.
 *
 * Why: POSIX filesystems accept every byte but "/" and NUL; Win32 reserves
 * these characters (":" names an NTFS alternate data stream, "\" is a path
 * separator, "*" and "?" are wildcards), and FAT and exFAT reject them in
 * their on-disk format, whatever the OS. Archives and repositories made on
 * Linux ("a:b.txt", timestamps like "12:00.log", "what?.md") fail to
 * extract or check out on Windows or on a USB stick; tools that map such
 * names (Cygwin, WSL, ntfs-3g windows_names, Samba's mangling) must know
 * which characters to map.
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * (https://learn.microsoft.com/windows/win32/fileio/naming-a-file, "Naming
 * Conventions"); POSIX.1-2024 3.254 "Portable Filename Character Set";
 * Microsoft "exFAT file system specification" 7.7.3 (FileName field:
 * invalid characters); ntfs-3g(8) windows_names
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    static const struct { const char *obs, *name; } cases[] = {
        {"colon", "n:n"},   {"star", "n*n"}, {"question", "n?n"},   {"quote", "n\"n"},
        {"lt", "n<n"},      {"gt", "n>n"},   {"pipe", "n|n"},       {"backslash", "n\\n"},
        {"ctrl01", "n\001n"}, {"leading_space", " n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fsc_fd fd;
        int err = fsc_op_open(cases[i].name, FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT,
                              &fd);
        fsc_obs_op(cases[i].obs, err);
        if (!err) FSC_OK(fsc_op_close(fd));
    }
}

FSC_PROBE(probe)
