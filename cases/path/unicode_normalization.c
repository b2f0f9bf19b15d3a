/*
 * path.unicode_normalization — create "café" in NFC, look it up and create it in NFD.
 *
 * Steps: create "caf\u00e9" (NFC: é is one code point, U+00E9) through
 * the ops layer and report the result (a filesystem without non-ASCII
 * names ends the probe here); stat "cafe\u0301" (NFD: e + U+0301
 * COMBINING ACUTE ACCENT) and report the result (ok: the filesystem normalises names or
 * compares them normalisation-insensitively); then create the NFD name
 * with create + exclusive and report the result (ok: a second file that
 * looks the same; EEXIST: one file). Names are UTF-8 on POSIX and UTF-16
 * on Windows.
 *
 * Why: the same visible name has two encodings. macOS (HFS+ stored NFD,
 * APFS compares normalisation-insensitively) and ZFS with normalization=
 * treat them as one name; ext4 (without the casefold feature), NTFS and
 * most others compare code points, so two files named "café" can exist
 * side by side. Files made on a Mac and copied, synced (Dropbox, rsync,
 * git: core.precomposeUnicode) or unpacked elsewhere are "not found",
 * duplicated, or deleted and re-created on every sync.
 *
 * References: Unicode Standard Annex #15 "Unicode Normalization Forms";
 * Apple "File System Programming Guide"/APFS FAQ (normalization
 * insensitivity); git-config(1) core.precomposeUnicode; Linux
 * Documentation/filesystems/ext4 (casefold, encoding=utf8); Microsoft
 * Learn "Naming Files, Paths, and Namespaces" (names are UTF-16, no
 * normalization)
 */
#include "fsc.h"

#define NFC "caf\xC3\xA9"
#define NFD "cafe\xCC\x81"

static void probe(void)
{
    fsc_fd fd;
    fsc_stat st;
    int err = fsc_op_open(NFC, FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
    fsc_obs_op("create_nfc", err);
    if (err) return;
    FSC_OK(fsc_op_close(fd));
    fsc_obs_op("stat_nfd", fsc_op_stat(NFD, &st));
    err = fsc_op_open(NFD, FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
    fsc_obs_op("create_nfd", err);
    if (!err) FSC_OK(fsc_op_close(fd));
}

FSC_PROBE(probe)
