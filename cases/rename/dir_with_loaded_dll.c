/*
 * rename.dir_with_loaded_dll — rename the directory that holds a loaded DLL, and the DLL itself inside it.
 *
 * Steps: create directory "app" and copy version.dll from the system
 * directory into it as "app\lib.dll"; load it with
 * LoadLibraryExW(DONT_RESOLVE_DLL_REFERENCES) by full path. Then
 * MoveFileExW "app" to "app.old" ("rename_dir") and report which name
 * exists afterwards ("dir_now": app, app_old). Rename the DLL in the
 * directory it is now in to "lib.old" ("rename_dll"). FreeLibrary and
 * report renaming the directory (by whichever name it has) to "app.new"
 * ("rename_dir_after_free"). Skips on POSIX.
 *
 * Why: updaters move a whole application folder aside and put the new
 * version in its place while the program runs (Squirrel, Chrome's and
 * VS Code's updaters, "rename the old install, copy the new one").
 * Whether the loader's open image keeps its directory from being renamed
 * decides whether that dance works or the update has to wait for a
 * restart; Linux allows both renames.
 *
 * References: MoveFileExW,
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw;
 * LoadLibraryExW (DONT_RESOLVE_DLL_REFERENCES);
 * delete.running_image (the operations on the image file itself);
 * rename.dir_with_open_file (a directory holding an open file)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    wchar_t dll[MAX_PATH], full[MAX_PATH];
    UINT n = GetSystemDirectoryW(dll, MAX_PATH - 16);
    FSC_CHECK(n > 0 && n < MAX_PATH - 16);
    wcscat(dll, L"\\version.dll");
    FSC_OK(fsc_op_mkdir("app"));
    FSC_CHECK(CopyFileW(dll, L"app\\lib.dll", TRUE));
    FSC_CHECK(GetFullPathNameW(L"app\\lib.dll", MAX_PATH, full, NULL) > 0);
    HMODULE m = LoadLibraryExW(full, NULL, DONT_RESOLVE_DLL_REFERENCES);
    FSC_CHECK(m != NULL);
    fsc_obs_win32("rename_dir", MoveFileExW(L"app", L"app.old", 0));
    BOOL moved = GetFileAttributesW(L"app.old") != INVALID_FILE_ATTRIBUTES;
    fsc_obs("dir_now", "%s", moved ? "app_old" : "app");
    fsc_obs_win32("rename_dll", moved ? MoveFileExW(L"app.old\\lib.dll", L"app.old\\lib.old", 0)
                                      : MoveFileExW(L"app\\lib.dll", L"app\\lib.old", 0));
    FSC_CHECK(FreeLibrary(m));
    fsc_obs_win32("rename_dir_after_free", MoveFileExW(moved ? L"app.old" : L"app", L"app.new", 0));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
