/*
 * open.dot_path — names ending in "/.": "d/." for a directory and "f/." for a file.
 *
 * Steps: make directory "d" and file "f" ("x"); stat "d/." and report the
 * result and whether it is a directory; open "d/." for writing and report;
 * stat "f/." and open "f/." for reading and report each.
 *
 * Why: "d/." is how shell scripts and build tools say "the directory itself"
 * (cp -r src/. dst, rsync, tar -C d .), and "f/." must fail because a file
 * has no "." entry — POSIX resolves "." in the directory named before it.
 * Windows normalises the path first and drops the ".", so "f/." quietly
 * names the file f: a check like "does x/. exist?" used to mean "is x a
 * directory" answers yes for a file there.
 *
 * References: POSIX.1-2024 XBD 4.16 "Pathname Resolution" (dot), open()
 * ([EISDIR], [ENOTDIR]); path_resolution(7); Microsoft Learn "File path
 * formats on Windows systems" (Normalize paths: "Evaluates relative
 * directory components (. for the current directory ...)")
 * https://learn.microsoft.com/dotnet/standard/io/file-path-formats
 */
#include "fsc.h"

static void try_open(const char *name, const char *path, int flags)
{
    fsc_fd fd;
    int err = fsc_op_open(path, flags | FSC_SHARE_CRT, &fd);
    fsc_obs_op(name, err);
    if (!err) FSC_OK(fsc_op_close(fd));
}

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("d"));
    fsc_put("f", "x");
    int err = fsc_op_stat("d/.", &st);
    fsc_obs_op("dir.stat", err);
    if (!err) fsc_obs_bool("dir.is_dir", st.type == FSC_TYPE_DIR);
    try_open("dir.open_write", "d/.", FSC_WRITE);
    fsc_obs_op("file.stat", fsc_op_stat("f/.", &st));
    try_open("file.open_read", "f/.", FSC_READ);
}

FSC_PROBE(probe)
