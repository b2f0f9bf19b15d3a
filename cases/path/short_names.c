/*
 * path.short_names — the 8.3 short name of "longfilename.text", opening by it, and ~1/~2 for two similar names.
 *
 * Steps: create "longfilename.text"; GetShortPathNameW of it (the short
 * name as it is; as %XX bytes should it hold anything but letters, digits
 * and ".~_-"); CreateFileW
 * (OPEN_EXISTING) by that short name and read the file; create
 * "longfilename.textile" and report its short name too (two similar names:
 * LONGFI~1.TEX and LONGFI~2.TEX when 8.3 names are generated).
 *
 * Why: where the volume generates 8.3 names, "LONGFI~1.TEX" is a second name
 * of the file: a pattern "*.tex" matches "x.text", a deny rule on
 * "longfilename.text" is bypassed through its short name, and which file
 * gets ~1 depends on creation order. Generation is a per-volume setting
 * (off by default on non-system volumes since Windows 8), so programs must
 * cope with both.
 *
 * References: GetShortPathNameW
 * (https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getshortpathnamew);
 * Microsoft Learn "Naming Files, Paths, and Namespaces" (Short vs. Long
 * Names); fsutil 8dot3name.
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#ifdef _WIN32
static void short_name(const char *obs, const wchar_t *name, wchar_t *out)
{
    char u8[MAX_PATH * 3];
    DWORD n = GetShortPathNameW(name, out, MAX_PATH);
    if (!n || n >= MAX_PATH) {
        fsc_obs(obs, "%s", n ? "too_long" : fsc_win32_error_name(GetLastError()));
        out[0] = 0;
        return;
    }
    int k = WideCharToMultiByte(CP_UTF8, 0, out, -1, u8, sizeof u8, NULL, NULL);
    FSC_CHECK(k > 0);
    if (strspn(u8, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.~_-") == (size_t)k - 1)
        fsc_obs(obs, "%s", u8);   /* an 8.3 name of these ASCII names: printable as it is */
    else
        fsc_obs_bytes(obs, u8, (size_t)k - 1);
}

static void probe(void)
{
    wchar_t s1[MAX_PATH], s2[MAX_PATH];
    fsc_put("longfilename.text", "one");
    short_name("short1", L"longfilename.text", s1);
    fsc_obs_bool("short1_is_long_name", !wcscmp(s1, L"longfilename.text"));
    HANDLE h = CreateFileW(s1, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (fsc_obs_win32("open_by_short1", h != INVALID_HANDLE_VALUE)) {
        char buf[8];
        DWORD got = 0;
        FSC_CHECK(ReadFile(h, buf, sizeof buf, &got, NULL));
        fsc_obs_bytes("short1_reads", buf, got);
        CloseHandle(h);
    }
    fsc_put("longfilename.textile", "two");
    short_name("short2", L"longfilename.textile", s2);
    fsc_obs_bool("short2_differs", wcscmp(s1, s2) != 0);
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
