/*
 * path.name_max_multibyte — create names of 1, 128 and 255 two-byte UTF-8 characters ("é").
 *
 * Steps: for n = 1, 128 and 255, create (ops layer, create + exclusive) a
 * name of n times "é" (U+00E9, two bytes in UTF-8, one UTF-16 unit) and
 * report the result as create_<n> (n = 1 tells a filesystem that refuses
 * non-ASCII names from one that refuses long ones).
 *
 * Why: the name limit is counted in different units: Linux filesystems
 * count 255 bytes of whatever the name is, so 128 "é" (256 bytes) is too
 * long; NTFS, FAT long names and exFAT store UTF-16 and count 255 units,
 * so 255 "é" fit. A file named on Windows or macOS in Cyrillic, Greek or
 * accented Latin cannot be copied, unpacked or synced to ext4 (rsync,
 * unzip, cloud-sync clients report "File name too long"), and tools that
 * truncate names to "255" must know whose 255.
 *
 * References: POSIX.1-2024 NAME_MAX ("bytes"); Microsoft Learn "File
 * System Functionality Comparison" (255 Unicode characters); Microsoft
 * "exFAT file system specification" 7.7 (FileName, up to 255 UTF-16
 * characters); ntfs-3g(8) (names are converted to UTF-16)
 */
#include "fsc.h"

#include <stdio.h>

static void probe(void)
{
    static const int counts[] = {1, 128, 255};
    for (int i = 0; i < 3; i++) {
        char name[2 * 255 + 1], obs[16];
        fsc_fd fd;
        for (int k = 0; k < counts[i]; k++) {
            name[2 * k] = (char)0xC3;
            name[2 * k + 1] = (char)0xA9;
        }
        name[2 * counts[i]] = 0;
        snprintf(obs, sizeof obs, "create_%d", counts[i]);
        int err = fsc_op_open(name, FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
        fsc_obs_op(obs, err);
        if (!err) FSC_OK(fsc_op_close(fd));
    }
}

FSC_PROBE(probe)
