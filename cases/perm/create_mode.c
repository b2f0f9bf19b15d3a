/*
 * perm.create_mode — the mode of a file created with 0751 and a directory with 0751 under umask 0.
 *
 * Steps: set the umask to 0; create "f" with open(O_CREAT|O_EXCL|O_WRONLY,
 * 0751) and "d" with mkdir(0751); report each call's result and the
 * permission bits stat shows (file_mode, dir_mode: four octal digits).
 *
 * Why: the mode given at creation is what installers, compilers (the
 * linker's 0777 & ~umask for executables), archive extractors and
 * lock-file code rely on without a later chmod. File systems without
 * permission bits show the mount's fmask/dmask instead, and a default ACL
 * on the directory replaces the umask; a program that checks "is it
 * executable", "is it private" after creating sees something else.
 *
 * References: POSIX.1-2024 open() (O_CREAT: "the access permission bits
 * ... set to the value of the argument following the oflag argument ...
 * modified by ... the file mode creation mask"), mkdir(), umask(); Linux
 * open(2), acl(5) (default ACLs); mount(8) vfat/exfat fmask, dmask.
 */
#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void report(const char *name, const char *path)
{
    struct stat st;
    FSC_CHECK(stat(path, &st) == 0);
    fsc_obs(name, "%04o", (unsigned)(st.st_mode & 07777));
}

static void probe(void)
{
    umask(0);
    int fd = (int)fsc_obs_sys("create_file", open("f", O_CREAT | O_EXCL | O_WRONLY, 0751));
    if (fd != -1) {
        close(fd);
        report("file_mode", "f");
    }
    if (fsc_obs_sys("create_dir", mkdir("d", 0751)) != -1) report("dir_mode", "d");
}
#else
static void probe(void) { fsc_skip("no_posix_modes"); }
#endif

FSC_PROBE(probe)
