/*
 * path.reserved_names — how Win32 maps the DOS device names CON, NUL, COM1, ... given as a file name.
 *
 * Steps: GetFullPathNameW of CON, NUL, COM1, LPT1, AUX, PRN, "con", "NUL "
 * (trailing blank) and "COM\u00B9" (superscript one); report each as
 * device_<name> when it became \\.\<name>, sandbox_<name> when it stayed a
 * name in the current directory, other otherwise (names: ASCII letters and
 * digits as they are, other bytes of their UTF-8 as %XX). No name is opened
 * except NUL: CreateFileW(CREATE_NEW) of "NUL", GetFileType of the handle
 * (disk, char, pipe, unknown), a write of 4 bytes; then FindFirstFileW
 * counts the entries of the sandbox (0: no file NUL was made).
 *
 * Why: a program that saves user-named files ("con.h", "aux", "nul") writes
 * into a device instead of a file on Windows, or cannot create it; archive
 * extractors and build tools from POSIX meet this as lost files or hangs.
 * Emulators must map the same names to devices.
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * (https://learn.microsoft.com/windows/win32/fileio/naming-a-file);
 * GetFullPathNameW; Wine dlls/ntdll/tests/path.c test_RtlGetFullPathName_U,
 * test_RtlIsDosDeviceName_U.
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#ifdef _WIN32
/* device_X / sandbox_X / other for GetFullPathNameW(name). */
static void where(const char *obs, const wchar_t *name)
{
    wchar_t cwd[MAX_PATH], full[1024];
    char u8[512], out[600] = "other";
    const wchar_t *rest = NULL;
    const char *kind = "";
    DWORD c = GetCurrentDirectoryW(MAX_PATH, cwd);
    FSC_CHECK(c > 0 && c < MAX_PATH);
    DWORD n = GetFullPathNameW(name, 1024, full, NULL);
    if (!n || n >= 1024) { fsc_obs(obs, "%s", fsc_win32_error_name(GetLastError())); return; }
    if (!wcsncmp(full, L"\\\\.\\", 4)) kind = "device_", rest = full + 4;
    else if (!wcsncmp(full, cwd, c) && full[c] == L'\\') kind = "sandbox_", rest = full + c + 1;
    if (rest) {
        int k = WideCharToMultiByte(CP_UTF8, 0, rest, -1, u8, sizeof u8, NULL, NULL);
        FSC_CHECK(k > 0);
        size_t o = (size_t)sprintf(out, "%s", kind);
        for (const unsigned char *p = (const unsigned char *)u8; *p; p++)
            o += (size_t)sprintf(out + o, (*p < 128 && (isalnum(*p) || *p == '.')) ? "%c" : "%%%02X", *p);
    }
    fsc_obs(obs, "%s", out);
}

static void probe(void)
{
    static const struct { const char *obs; const wchar_t *name; } names[] = {
        {"full.con", L"CON"},   {"full.nul", L"NUL"}, {"full.com1", L"COM1"},
        {"full.lpt1", L"LPT1"}, {"full.aux", L"AUX"}, {"full.prn", L"PRN"},
        {"full.con_lower", L"con"}, {"full.nul_blank", L"NUL "},
        {"full.com_superscript1", L"COM\u00B9"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) where(names[i].obs, names[i].name);

    HANDLE h = CreateFileW(L"NUL", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (fsc_obs_win32("create_new_nul", h != INVALID_HANDLE_VALUE)) {
        DWORD t = GetFileType(h), done = 0;
        fsc_obs("nul_type", "%s", t == FILE_TYPE_DISK ? "disk" : t == FILE_TYPE_CHAR ? "char"
                                  : t == FILE_TYPE_PIPE ? "pipe" : "unknown");
        fsc_obs_win32("nul_write", WriteFile(h, "data", 4, &done, NULL));
        CloseHandle(h);
    }
    int entries;
    FSC_OK(fsc_op_list(".", NULL, 0, &entries));
    fsc_obs_int("sandbox_entries", entries);
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
