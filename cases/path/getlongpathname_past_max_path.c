/*
 * path.getlongpathname_past_max_path — GetLongPathNameW of a full path longer than MAX_PATH, with and without the \\?\ prefix.
 *
 * Steps: in the sandbox, make (through \\?\<sandbox>\...) a directory whose
 * name is 200 "X" characters; the full path of "<that dir>\<200 X>" is
 * longer than MAX_PATH (260). Call GetLongPathNameW(path, NULL, 0) on it
 * without the prefix ("plain") and with it ("prefixed"), first while the
 * file does not exist ("missing.*"), then after creating it through the
 * prefixed path ("existing.*"); report each (ok when a length came back,
 * else the error). Remove both through \\?\. Skips on POSIX.
 *
 * Why: installers, shells and runtimes (Python's os.path.realpath, .NET's
 * Path normalisation, Java) call GetLongPathNameW to expand 8.3 names.
 * Without the \\?\ prefix (and without the long-path opt-in), Win32 path
 * functions stop at MAX_PATH: code that canonicalises deep paths gets an
 * error it reads as "does not exist" for a file that does exist.
 *
 * References: GetLongPathNameW
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-getlongpathnamew;
 * Microsoft Learn "Maximum Path Length Limitation"
 * https://learn.microsoft.com/windows/win32/fileio/maximum-file-path-limitation;
 * Wine dlls/kernel32/tests/path.c test_GetLongPathNameW
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <wchar.h>

#ifdef _WIN32
enum { NAME = 200, CAP = 4 + MAX_PATH + 2 * (NAME + 1) + 1 };

static void query(const char *name, const wchar_t *path)
{
    fsc_obs_win32(name, GetLongPathNameW(path, NULL, 0) != 0);
}

static void probe(void)
{
    wchar_t dir[CAP], file[CAP], x[NAME + 1];
    wmemset(x, L'X', NAME);
    x[NAME] = 0;
    wcscpy(dir, L"\\\\?\\");
    DWORD cwd = GetCurrentDirectoryW(MAX_PATH, dir + 4);
    FSC_CHECK(cwd > 0 && cwd < MAX_PATH);
    if (dir[wcslen(dir) - 1] != L'\\') wcscat(dir, L"\\");
    wcscat(dir, x);
    FSC_CHECK(CreateDirectoryW(dir, NULL));
    swprintf(file, CAP, L"%ls\\%ls", dir, x);
    query("missing.plain", file + 4);
    query("missing.prefixed", file);
    HANDLE h = CreateFileW(file, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE && CloseHandle(h));
    query("existing.plain", file + 4);
    query("existing.prefixed", file);
    FSC_CHECK(DeleteFileW(file) && RemoveDirectoryW(dir));
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
