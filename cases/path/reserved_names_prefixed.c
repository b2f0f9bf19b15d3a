/*
 * path.reserved_names_prefixed — a real file named NUL made through \\?\: who can open and delete it.
 *
 * Steps: CreateFileW(CREATE_NEW) of \\?\<sandbox>\NUL and write "data";
 * FindFirstFileW of "*" (the one entry's name); open \\?\<sandbox>\NUL
 * again and read it; open plain "NUL" and read (reports what that name
 * reaches: "data" = the file, "empty" = the null device); DeleteFileW of
 * "NUL" and of <sandbox>\NUL without the prefix (both name the null device;
 * Wine 8 refuses to unlink a device, checked with strace before this probe
 * was written), the count of entries left, then DeleteFileW of
 * \\?\<sandbox>\NUL and the count of entries left.
 *
 * Why: files named NUL, CON or AUX arrive from archives, git checkouts and
 * WSL; the \\?\ prefix skips the Win32 device mapping, so such a file can be
 * made, but ordinary tools (Explorer, del, most runtimes) then reach the
 * device instead and cannot open or delete it: only \\?\ paths can.
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * (https://learn.microsoft.com/windows/win32/fileio/naming-a-file: "\\?\"
 * turns off path parsing); Wine dlls/ntdll/tests/path.c
 * test_RtlDosPathNameToNtPathName_U (\\?\ paths are passed on unchanged);
 * dlls/kernel32/tests/file.c test_DeleteFileA (deleting "nul" fails).
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>
#include <wchar.h>

#ifdef _WIN32
static void read_obs(const char *obs, const wchar_t *path)
{
    char buf[16];
    DWORD got = 0;
    HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (!fsc_obs_win32(obs, h != INVALID_HANDLE_VALUE)) return;
    char name[64];
    snprintf(name, sizeof name, "%s_reads", obs);
    if (ReadFile(h, buf, sizeof buf, &got, NULL)) fsc_obs_bytes(name, buf, got);
    else fsc_obs(name, "%s", fsc_win32_error_name(GetLastError()));
    CloseHandle(h);
}

/* The sandbox's entry count; the last name listed goes into last. */
static int entries(char *last)
{
    char names[8][FSC_NAME_MAX];
    int n;
    FSC_OK(fsc_op_list(".", names, 8, &n));
    if (n > 0 && n <= 8) strcpy(last, names[n - 1]);
    return n;
}

static void probe(void)
{
    wchar_t path[MAX_PATH + 16] = L"\\\\?\\";
    char name[FSC_NAME_MAX] = "";
    DWORD c = GetCurrentDirectoryW(MAX_PATH, path + 4), done = 0;
    FSC_CHECK(c > 0 && c < MAX_PATH && path[5] == L':');
    wcscat(path, L"\\NUL");

    HANDLE h = CreateFileW(path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (fsc_obs_win32("create_prefixed", h != INVALID_HANDLE_VALUE)) {
        fsc_obs_win32("write", WriteFile(h, "data", 4, &done, NULL));
        CloseHandle(h);
    }
    fsc_obs_int("entries", entries(name));
    fsc_obs_bytes("entry_name", name, strlen(name));
    read_obs("open_prefixed", path);
    read_obs("open_plain", L"NUL");
    fsc_obs_win32("delete_plain", DeleteFileW(L"NUL"));
    fsc_obs_win32("delete_plain_absolute", DeleteFileW(path + 4));
    fsc_obs_int("entries_after_plain_delete", entries(name));
    fsc_obs_win32("delete_prefixed", DeleteFileW(path));
    fsc_obs_int("entries_after_delete", entries(name));
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
