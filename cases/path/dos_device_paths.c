/*
 * path.dos_device_paths — which of \\.\ and \\?\ normalise forward slashes and ".." in a sandbox path.
 *
 * Steps: make the directory "sub" and the file "f" ("x"); for four
 * spellings of the path of "f" — \\.\<sandbox>/sub/../f,
 * \\.\<sandbox>\sub\..\f, \\?\<sandbox>/sub/../f and
 * \\?\<sandbox>\sub\..\f — report GetFullPathNameW's result (normalised:
 * the same prefix and <sandbox>\f; kept: the string unchanged; other) and
 * whether CreateFileW (OPEN_EXISTING, read) opens it.
 *
 * Why: \\?\ is the documented way past MAX_PATH, but it also turns off the
 * normalisation Win32 does everywhere else: code that adds the prefix to a
 * path built with "/" or ".." (as POSIX-minded code does) gets
 * ERROR_INVALID_NAME, while GetFullPathNameW suggests the path is fine.
 * \\.\ paths are normalised like ordinary ones.
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * (https://learn.microsoft.com/windows/win32/fileio/naming-a-file: Win32
 * File Namespaces); "File path formats on Windows systems" (.NET, "Skip
 * normalization"); Wine dlls/ntdll/tests/path.c test_RtlGetFullPathName_U,
 * test_RtlDosPathNameToNtPathName_U, test_nt_names.
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>
#include <wchar.h>

#ifdef _WIN32
static void spelling(const char *tag, const wchar_t *prefix, const wchar_t *cwd, const wchar_t *tail)
{
    wchar_t path[MAX_PATH * 2], want[MAX_PATH * 2], full[MAX_PATH * 2];
    char obs[64];
    wcscat(wcscat(wcscpy(path, prefix), cwd), tail);
    wcscat(wcscat(wcscpy(want, prefix), cwd), L"\\f");
    DWORD n = GetFullPathNameW(path, MAX_PATH * 2, full, NULL);
    snprintf(obs, sizeof obs, "full.%s", tag);
    if (!n || n >= MAX_PATH * 2) fsc_obs(obs, "%s", fsc_win32_error_name(GetLastError()));
    else fsc_obs(obs, "%s", !wcscmp(full, want) ? "normalised" : !wcscmp(full, path) ? "kept" : "other");
    snprintf(obs, sizeof obs, "open.%s", tag);
    fsc_obs_win32_open(obs, path, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
}

static void probe(void)
{
    wchar_t cwd[MAX_PATH];
    DWORD c = GetCurrentDirectoryW(MAX_PATH, cwd);
    FSC_CHECK(c > 0 && c < MAX_PATH && cwd[1] == L':');
    FSC_CHECK(CreateDirectoryW(L"sub", NULL));
    fsc_put("f", "x");
    spelling("dot_slash", L"\\\\.\\", cwd, L"/sub/../f");
    spelling("dot_backslash", L"\\\\.\\", cwd, L"\\sub\\..\\f");
    spelling("question_slash", L"\\\\?\\", cwd, L"/sub/../f");
    spelling("question_backslash", L"\\\\?\\", cwd, L"\\sub\\..\\f");
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
