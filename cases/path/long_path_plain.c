/*
 * path.long_path_plain — a 255- and a 256-character name, and a relative path whose full path passes MAX_PATH.
 *
 * Steps: CreateFileW(CREATE_NEW) of a name of 255 characters, then of one of
 * 256 (plain relative names; each deleted if made). Then three nested
 * directories of 100 characters each, made through \\?\<sandbox>\..., and
 * CreateFileW(CREATE_NEW) of the relative path "<d1>\<d2>\<d3>\f" (305
 * characters, so its full path passes 260) without the prefix; DeleteFileW
 * of it if made; the directories are removed through \\?\.
 *
 * Why: NTFS allows 255 UTF-16 units in one name, ext4 255 bytes; a program
 * that builds names from user input (titles, URLs) needs the limit and the
 * error it gets. Relative paths do not escape MAX_PATH: the limit applies to
 * the full path Win32 makes from them, so code that chdirs deep into a tree
 * to keep its paths short still fails.
 *
 * References: Microsoft Learn "Maximum Path Length Limitation"
 * (https://learn.microsoft.com/windows/win32/fileio/maximum-file-path-limitation:
 * components of 255 characters, relative paths are limited to MAX_PATH);
 * GetVolumeInformationW (lpMaximumComponentLength).
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <wchar.h>

#ifdef _WIN32
static void create(const char *obs, const wchar_t *path)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    if (fsc_obs_win32(obs, h != INVALID_HANDLE_VALUE)) {
        CloseHandle(h);
        FSC_CHECK(DeleteFileW(path));
    }
}

static void probe(void)
{
    wchar_t name[300], pre[MAX_PATH + 16] = L"\\\\?\\", dir[MAX_PATH + 400], rel[400] = L"";
    for (int i = 0; i < 256; i++) name[i] = L'n';
    name[255] = 0;
    create("create_255", name);
    name[255] = L'n', name[256] = 0;
    create("create_256", name);

    DWORD c = GetCurrentDirectoryW(MAX_PATH, pre + 4);
    FSC_CHECK(c > 0 && c < MAX_PATH && pre[5] == L':');
    for (int level = 0; level < 3; level++) {
        size_t o = wcslen(rel);
        if (level) rel[o++] = L'\\';
        for (int k = 0; k < 100; k++) rel[o++] = (wchar_t)(L'a' + level);
        rel[o] = 0;
        wcscat(wcscat(wcscpy(dir, pre), L"\\"), rel);
        FSC_CHECK(CreateDirectoryW(dir, NULL));
    }
    wcscat(rel, L"\\f");
    create("create_relative_over_max_path", rel);
    for (int level = 2; level >= 0; level--) {
        FSC_CHECK(RemoveDirectoryW(dir));
        *wcsrchr(dir, L'\\') = 0;
    }
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
