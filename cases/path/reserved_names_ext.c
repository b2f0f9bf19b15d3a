/*
 * path.reserved_names_ext — whether a DOS device name with an extension (NUL.txt, CON.txt) is still a device.
 *
 * Steps: GetFullPathNameW of NUL.txt, CON.txt, COM1.log and nul.tar.gz;
 * report each as device (it became \\.\<device>), sandbox (a name in the
 * current directory) or other. Then CreateFileW(CREATE_NEW) of "nul.tar.gz"
 * (a NUL name either way, so nothing but the null device or the sandbox can
 * be reached), GetFileType of the handle, and whether a file was made in the
 * sandbox (FindFirstFileW of "*": count of entries).
 *
 * Why: Microsoft documents NUL.txt and NUL.tar.gz as "equivalent to NUL",
 * and build tools write "nul.o" or "con.log" expecting a device (or a file);
 * Windows 11 stopped mapping names with an extension, so the same program
 * leaves files behind on one version and writes into a device on another.
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * (https://learn.microsoft.com/windows/win32/fileio/naming-a-file);
 * Wine dlls/ntdll/tests/path.c test_RtlIsDosDeviceName_U (c:\...\nul.txt);
 * https://ayllon.github.io/notes/2025/03/28/nul (Windows 11: NUL.o is a file)
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <wchar.h>

#ifdef _WIN32
static const char *where(const wchar_t *name)
{
    wchar_t cwd[MAX_PATH], full[1024];
    DWORD c = GetCurrentDirectoryW(MAX_PATH, cwd), n = GetFullPathNameW(name, 1024, full, NULL);
    FSC_CHECK(c > 0 && c < MAX_PATH);
    if (!n || n >= 1024) return fsc_win32_error_name(GetLastError());
    if (!wcsncmp(full, L"\\\\.\\", 4)) return "device";
    return !wcsncmp(full, cwd, c) && full[c] == L'\\' && !wcscmp(full + c + 1, name) ? "sandbox" : "other";
}

static void probe(void)
{
    fsc_obs("full.nul_txt", "%s", where(L"NUL.txt"));
    fsc_obs("full.con_txt", "%s", where(L"CON.txt"));
    fsc_obs("full.com1_log", "%s", where(L"COM1.log"));
    fsc_obs("full.nul_tar_gz", "%s", where(L"nul.tar.gz"));

    HANDLE h = CreateFileW(L"nul.tar.gz", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (fsc_obs_win32("create_new_nul_tar_gz", h != INVALID_HANDLE_VALUE)) {
        DWORD t = GetFileType(h);
        fsc_obs("type", "%s", t == FILE_TYPE_DISK ? "disk" : t == FILE_TYPE_CHAR ? "char" : "other");
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
