/*
 * path.trailing_dot_space_win32 — Win32 strips a trailing dot or blank from a name, \\?\ keeps it.
 *
 * Steps: CreateFileW(CREATE_NEW) of "a." and "b " (plain); CreateFileW of
 * \\?\<sandbox>\c. and \\?\<sandbox>\d  (prefixed); for each, which name the
 * sandbox holds (FindFirstFileW "*"): "stripped" ("a"), "kept" ("a."),
 * "both" or "none"; then
 * DeleteFileW of "c." and "d " without the prefix (they name "c" and "d",
 * which do not exist), and DeleteFileW of the same with \\?\.
 *
 * Why: a file named "x." or "x " (made by WSL, Samba, a Linux tool, a zip
 * extractor using \\?\) cannot be opened, renamed or deleted by ordinary
 * Windows programs, which strip the dot and reach another name: the
 * well-known undeletable file. Programs that round-trip names through Win32
 * silently rename "notes." to "notes".
 *
 * References: Microsoft Learn "Naming Files, Paths, and Namespaces"
 * (https://learn.microsoft.com/windows/win32/fileio/naming-a-file: "Do not
 * end a file or directory name with a space or a period"); Wine
 * dlls/ntdll/tests/path.c test_RtlGetFullPathName_U ("c:/test." and
 * "c:/test     " become c:\test), test_RtlDosPathNameToNtPathName_U
 * ("\\?\foo. . " is kept).
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <wchar.h>

#ifdef _WIN32
static wchar_t prefix[MAX_PATH + 16] = L"\\\\?\\";

static const wchar_t *pre(const wchar_t *name)
{
    static wchar_t buf[MAX_PATH + 32];
    wcscpy(buf, prefix);
    wcscat(buf, L"\\");
    wcscat(buf, name);
    return buf;
}

static void create(const char *obs, const wchar_t *path)
{
    fsc_obs_win32_open(obs, path, GENERIC_WRITE, 0, CREATE_NEW, FILE_ATTRIBUTE_NORMAL);
}

/* Which of the two spellings of a name the sandbox holds. */
static const char *held(const char *bare, const char *kept)
{
    char names[16][FSC_NAME_MAX];
    int n, has_bare = 0, has_kept = 0;
    FSC_OK(fsc_op_list(".", names, 16, &n));
    FSC_CHECK(n <= 16);
    for (int i = 0; i < n; i++)
        has_bare |= !strcmp(names[i], bare), has_kept |= !strcmp(names[i], kept);
    return has_bare && has_kept ? "both" : has_bare ? "stripped" : has_kept ? "kept" : "none";
}

static void probe(void)
{
    DWORD c = GetCurrentDirectoryW(MAX_PATH, prefix + 4);
    FSC_CHECK(c > 0 && c < MAX_PATH && prefix[5] == L':');
    create("create_plain_dot", L"a.");
    create("create_plain_blank", L"b ");
    create("create_prefixed_dot", pre(L"c."));
    create("create_prefixed_blank", pre(L"d "));
    fsc_obs("plain_dot_name", "%s", held("a", "a."));
    fsc_obs("plain_blank_name", "%s", held("b", "b "));
    fsc_obs("prefixed_dot_name", "%s", held("c", "c."));
    fsc_obs("prefixed_blank_name", "%s", held("d", "d "));
    fsc_obs_win32("delete_plain_dot", DeleteFileW(L"c."));
    fsc_obs_win32("delete_plain_blank", DeleteFileW(L"d "));
    fsc_obs_win32("delete_prefixed_dot", DeleteFileW(pre(L"c.")));
    fsc_obs_win32("delete_prefixed_blank", DeleteFileW(pre(L"d ")));
}
#else
static void probe(void) { fsc_skip("win32_only"); }
#endif

FSC_PROBE(probe)
