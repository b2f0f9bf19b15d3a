/*
 * path.long_path_prefixed — a path longer than MAX_PATH (260) with and without the \\?\ prefix.
 *
 * Steps: make five nested directories of 60 characters each in the sandbox
 * with CreateDirectoryW on \\?\<sandbox>\... (the path passes 260
 * characters whatever the sandbox is), then CreateFileW(CREATE_NEW) of a
 * file "f" at the bottom through \\?\; GetFullPathNameW of the relative path
 * of "f" (reports whether its length passes MAX_PATH); then the same file
 * and a new directory "g" beside it by absolute paths without the prefix
 * (CreateFileW OPEN_EXISTING, CreateDirectoryW); finally remove everything
 * through \\?\ and report whether that worked.
 *
 * Why: without \\?\ (or the process's longPathAware manifest plus the
 * LongPathsEnabled policy) Win32 refuses paths past MAX_PATH, so deep
 * node_modules trees, build outputs and checkouts made on Linux cannot be
 * opened or deleted by ordinary Windows tools; portable code must add the
 * prefix itself.
 *
 * References: Microsoft Learn "Maximum Path Length Limitation"
 * (https://learn.microsoft.com/windows/win32/fileio/maximum-file-path-limitation);
 * "Naming Files, Paths, and Namespaces" (the \\?\ prefix); CreateDirectoryW.
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <wchar.h>

#ifdef _WIN32
enum { LEVELS = 5, NAME = 60 };

/* \\?\ (prefixed) or nothing, the sandbox, then `levels` directories, then `leaf`. */
static const wchar_t *deep(int prefixed, int levels, const wchar_t *leaf)
{
    static wchar_t buf[1024];
    wcscpy(buf, prefixed ? L"\\\\?\\" : L"");
    size_t o = wcslen(buf);
    DWORD c = GetCurrentDirectoryW(MAX_PATH, buf + o);
    FSC_CHECK(c > 0 && c < MAX_PATH);
    o += c;
    for (int i = 0; i < levels; i++) {
        buf[o++] = L'\\';
        for (int k = 0; k < NAME; k++) buf[o++] = (wchar_t)(L'a' + i);
    }
    buf[o] = 0;
    if (leaf) wcscat(wcscat(buf, L"\\"), leaf);
    return buf;
}

static void probe(void)
{
    int ok = 1;
    for (int i = 1; i <= LEVELS && ok; i++) ok = CreateDirectoryW(deep(1, i, NULL), NULL);
    fsc_obs_win32("mkdir_prefixed", ok);
    fsc_obs_win32_open("create_prefixed", deep(1, LEVELS, L"f"), GENERIC_WRITE, 0, CREATE_NEW, 0);

    const wchar_t *rel = deep(0, LEVELS, L"f");
    DWORD c = GetCurrentDirectoryW(0, NULL);
    wchar_t full[1024];
    DWORD n = GetFullPathNameW(rel + c, 1024, full, NULL);   /* c counts the NUL: skips "<sandbox>\" */
    fsc_obs_bool("full_over_max_path", n > MAX_PATH);

    fsc_obs_win32_open("open_plain", deep(0, LEVELS, L"f"),
                       GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
    fsc_obs_win32("mkdir_plain", CreateDirectoryW(deep(0, LEVELS, L"g"), NULL));

    RemoveDirectoryW(deep(1, LEVELS, L"g"));   /* only there if mkdir_plain was ok */
    ok = DeleteFileW(deep(1, LEVELS, L"f"));
    for (int i = LEVELS; i >= 1 && ok; i--) ok = RemoveDirectoryW(deep(1, i, NULL));
    fsc_obs_win32("cleanup_prefixed", ok);
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
