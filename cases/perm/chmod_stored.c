/*
 * perm.chmod_stored — chmod to 0600 and to 0755: the call's result and the mode stat shows.
 *
 * Steps: create "f"; chmod it to 0600, report the result and the permission
 * bits stat shows (mode_0600, four octal digits); then the same for 0755
 * (mode_0755).
 *
 * Why: FAT and exFAT have no permission bits (one read-only attribute at
 * most), NTFS through ntfs-3g has them only with the "permissions" mount
 * option; drivers either refuse chmod (EPERM), accept it and ignore it, or
 * keep the bits in memory only. Installers, package managers, git
 * (core.fileMode), ssh (refuses keys that are not 0600) and build tools
 * that make scripts executable fail, or silently produce files that are
 * not what they set.
 *
 * References: POSIX.1-2024 chmod(); Linux chmod(2); mount(8) vfat/exfat
 * options (fmask, dmask, quiet: "chown/chmod ... do not return errors");
 * ntfs-3g(8) (permissions, default: everyone gets every right).
 */
#ifndef _WIN32
#include <sys/stat.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void try_mode(const char *set_name, const char *mode_name, mode_t mode)
{
    struct stat st;
    fsc_obs_sys(set_name, chmod("f", mode));
    FSC_CHECK(stat("f", &st) == 0);
    fsc_obs(mode_name, "%04o", (unsigned)(st.st_mode & 07777));
}

static void probe(void)
{
    fsc_put("f", "data");
    try_mode("chmod_0600", "mode_0600", 0600);
    try_mode("chmod_0755", "mode_0755", 0755);
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
