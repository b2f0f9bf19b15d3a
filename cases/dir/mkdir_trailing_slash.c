/*
 * dir.mkdir_trailing_slash — mkdir of "d/" and "e//": a trailing slash on the new name.
 *
 * Steps: mkdir "d/" and mkdir "e//"; report each result and what stat
 * shows at "d" and "e" afterwards (dir, file or absent).
 *
 * Why: shells, build systems and path-joining code produce trailing
 * slashes ("$dir/"). POSIX resolves a trailing slash on a directory name
 * as the directory itself, so mkdir must accept it; a library that
 * strips or rejects it differently, or a file system that takes the slash
 * as part of the name, makes "mkdir -p out/" fail or create a strange name.
 *
 * References: POSIX.1-2024 XBD 4.16 "Pathname Resolution" (trailing
 * slashes), mkdir(); path_resolution(7); Microsoft Learn "File path
 * formats on Windows systems" (separators are normalised).
 */
#include "fsc.h"

static const char *kind(const char *path)
{
    fsc_stat st;
    return fsc_op_stat(path, &st) ? "absent" : st.type == FSC_TYPE_DIR ? "dir" : "file";
}

static void probe(void)
{
    fsc_obs_op("mkdir_slash", fsc_op_mkdir("d/"));
    fsc_obs_op("mkdir_two_slashes", fsc_op_mkdir("e//"));
    fsc_obs("d", "%s", kind("d"));
    fsc_obs("e", "%s", kind("e"));
}

FSC_PROBE(probe)
