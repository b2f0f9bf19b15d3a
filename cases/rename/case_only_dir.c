/*
 * rename.case_only_dir — MoveFileW of a directory to the same name in another case: result and the spelling listed afterwards.
 *
 * Steps: CreateDirectoryW "Remove me"; MoveFileW "Remove me" -> "Remove Me"
 * and report the result; report the name FindFirstFileW("Remove Me")
 * returns ("new" when it is "Remove Me", "old" when "Remove me", else
 * "other"); RemoveDirectoryW it. Skips on POSIX.
 *
 * Why: fixing the case of a directory name ("src/Utils" -> "src/utils") is
 * a rename whose source and destination are the same directory on a
 * case-insensitive filesystem. If the call succeeds but keeps the old
 * spelling, version-control tools (git mv), IDE refactorings and sync
 * clients believe the change was made and the next case-sensitive
 * consumer (a Linux build, a URL) breaks. path.case_only_rename is the
 * portable counterpart for a file.
 *
 * References: MoveFileW
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefilew;
 * Microsoft Learn "Naming Files, Paths, and Namespaces" (case-preserving);
 * Wine dlls/kernel32/tests/file.c test_MoveFileA ("now test a directory
 * from \"Remove me\" to uppercase \"Me\"")
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <wchar.h>

#ifdef _WIN32
static void probe(void)
{
    WIN32_FIND_DATAW fd;
    FSC_CHECK(CreateDirectoryW(L"Remove me", NULL));
    fsc_obs_win32("movefile", MoveFileW(L"Remove me", L"Remove Me"));
    HANDLE find = FindFirstFileW(L"Remove Me", &fd);
    FSC_CHECK(find != INVALID_HANDLE_VALUE && FindClose(find));
    fsc_obs("listed", "%s", wcscmp(fd.cFileName, L"Remove Me") == 0   ? "new"
                            : wcscmp(fd.cFileName, L"Remove me") == 0 ? "old"
                                                                      : "other");
    FSC_CHECK(RemoveDirectoryW(L"Remove Me"));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
