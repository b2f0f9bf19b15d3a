/*
 * open.creat_directory — open(2) with O_CREAT|O_DIRECTORY on a name that does not exist.
 *
 * Steps: open "n" with O_RDONLY|O_CREAT|O_DIRECTORY, mode 0600, and report
 * the result; report what "n" is afterwards ("none", "file", "dir").
 *
 * Why: the combination is meaningless (open cannot create a directory) and
 * POSIX leaves it unspecified. Linux before 6.4 created a regular file and
 * then failed with ENOTDIR — leaving a stray empty file behind — and
 * since 6.4 refuses it with EINVAL; other systems fail differently. Code
 * that builds flags from options ("create" plus "must be a directory") or
 * emulates mkdir-then-open gets litter or an unexpected error.
 *
 * References: POSIX.1-2024 open() (O_DIRECTORY; O_CREAT); the Linux 6.4
 * change "open: return EINVAL for O_DIRECTORY | O_CREAT"; open(2) (EINVAL
 * for the pair, since Linux 6.4).
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "fsc.h"

#ifndef _WIN32
static void probe(void)
{
    struct stat st;
    int fd = (int)fsc_obs_sys("open", open("n", O_RDONLY | O_CREAT | O_DIRECTORY, 0600));
    if (fd >= 0) FSC_CHECK(close(fd) == 0);
    fsc_obs("left_behind", "%s", lstat("n", &st) != 0 ? "none"
                                 : S_ISDIR(st.st_mode) ? "dir"
                                 : S_ISREG(st.st_mode) ? "file" : "other");
}
#else
static void probe(void) { fsc_skip("no_posix_open"); }
#endif

FSC_PROBE(probe)
