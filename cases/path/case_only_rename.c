/*
 * path.case_only_rename — rename "abc" to "ABC": result, and which names resolve afterwards.
 *
 * Steps: create an empty "abc" (ops layer); rename "abc" to "ABC"; report
 * the result; stat "abc" and "ABC" and report each result, and whether
 * "ABC" has the identity (device, inode) of the file that was created.
 * (Which spelling the directory lists afterwards is path.case_preserved's
 * second half.)
 * The file is empty on purpose: on fusefat 0.1a a case-only rename of a
 * file with data leaves its directory so that a later deletion of the
 * directory makes the daemon loop for ever (observed); with no data
 * clusters it does not.
 *
 * Why: fixing the case of a file name ("readme.md" -> "README.md") is a
 * rename whose source and destination are the same file on a
 * case-insensitive filesystem. POSIX says renaming a file onto itself does
 * nothing, so a filesystem may report success and keep the old spelling;
 * version-control tools (git mv, hg), IDE refactorings and sync clients
 * that fix case by renaming must know whether one rename is enough or a
 * detour through a temporary name is needed.
 *
 * References: POSIX.1-2024 rename() (same file: "return successfully and
 * perform no other action"); MoveFileExW; Microsoft Learn "Naming Files,
 * Paths, and Namespaces" (case-insensitive, case-preserving NTFS and FAT);
 * git-mv(1)
 */
#include "fsc.h"

static void probe(void)
{
    fsc_stat before, st;
    fsc_put("abc", "");   /* empty: see the note above */
    FSC_OK(fsc_op_stat("abc", &before));
    fsc_obs_op("rename", fsc_op_rename("abc", "ABC"));
    fsc_obs_op("stat_lower", fsc_op_stat("abc", &st));
    int err = fsc_op_stat("ABC", &st);
    fsc_obs_op("stat_upper", err);
    fsc_obs_bool("upper_is_original", !err && st.dev == before.dev && st.ino == before.ino);
}

FSC_PROBE(probe)
