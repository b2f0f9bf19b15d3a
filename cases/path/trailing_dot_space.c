/*
 * path.trailing_dot_space — create "a." and "b ": which names exist afterwards?
 *
 * Steps: create "a." (ops layer, create + exclusive), report the result,
 * then stat "a." and "a" and report each; the same for "b " (trailing
 * space), "b " and "b". A stat of "a" that succeeds means the name was
 * stored (or is looked up) without its trailing dot.
 *
 * Why: Win32 path normalisation removes trailing dots and spaces from the
 * last component, so "a." and "a" are one file there, and FAT drivers do
 * the same; POSIX filesystems keep them. Files such as "etc." or "notes "
 * from a Linux tree or an archive become another name on Windows and can
 * collide with an existing one; the Windows side cannot even open such a
 * file through Win32 (it needs "\\?\" paths). Web servers' extension
 * checks have been bypassed on Windows with "x.jsp " or "x.jsp."
 * (Apache Tomcat CVE-2017-12615).
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * ("Do not end a file or directory name with a space or a period");
 * Microsoft Learn "File path formats on Windows systems" ("Trim characters");
 * Linux Documentation/filesystems/vfat.rst
 */
#include "fsc.h"

static void create(const char *obs, const char *name)
{
    fsc_fd fd;
    int err = fsc_op_open(name, FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_CRT, &fd);
    fsc_obs_op(obs, err);
    if (!err) FSC_OK(fsc_op_close(fd));
}

static void probe(void)
{
    fsc_stat st;
    create("create_dot", "a.");
    fsc_obs_op("stat_dot", fsc_op_stat("a.", &st));
    fsc_obs_op("stat_dot_stripped", fsc_op_stat("a", &st));
    create("create_space", "b ");
    fsc_obs_op("stat_space", fsc_op_stat("b ", &st));
    fsc_obs_op("stat_space_stripped", fsc_op_stat("b", &st));
}

FSC_PROBE(probe)
