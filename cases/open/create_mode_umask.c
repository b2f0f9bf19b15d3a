/*
 * open.create_mode_umask — the mode of a new file and directory under umask 000, 022, 027 and 077.
 *
 * Steps: for each umask u in 000, 022, 027, 077: set it, create "f<u>"
 * with open(O_CREAT|O_EXCL, 0777) and make directory "d<u>" with mkdir(0777);
 * report each one's permission bits as stat shows them ("u<u>.file",
 * "u<u>.dir"; octal) — the expected value is 0777 & ~u.
 *
 * Why: every program that creates files relies on the kernel clearing the
 * umask bits (a 022 umask keeps others from writing; 077 keeps private keys
 * and mail private). File systems that store no Unix modes (FAT, exFAT,
 * NTFS through ntfs-3g, most network file systems) show a fixed mode
 * instead, so an ssh key written under umask 077 is world readable there
 * and ssh refuses it; installers that copy "the created mode" pass that on.
 *
 * References: POSIX.1-2024 open() and mkdir() (the new file's permission
 * bits are the mode argument with the bits of the file mode creation mask
 * cleared), umask(); umask(2).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void probe(void)
{
    static const unsigned masks[] = {0, 022, 027, 077};
    char name[16], path[16];
    struct stat st;
    for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++) {
        umask((mode_t)masks[i]);
        snprintf(path, sizeof path, "f%03o", masks[i]);
        int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0777);
        FSC_CHECK(fd >= 0);
        FSC_CHECK(close(fd) == 0);
        FSC_CHECK(stat(path, &st) == 0);
        snprintf(name, sizeof name, "u%03o.file", masks[i]);
        fsc_obs(name, "%04o", (unsigned)(st.st_mode & 07777));
        snprintf(path, sizeof path, "d%03o", masks[i]);
        FSC_CHECK(mkdir(path, 0777) == 0 && stat(path, &st) == 0);
        snprintf(name, sizeof name, "u%03o.dir", masks[i]);
        fsc_obs(name, "%04o", (unsigned)(st.st_mode & 07777));
    }
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
