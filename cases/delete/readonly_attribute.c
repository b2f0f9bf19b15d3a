/*
 * delete.readonly_attribute — what each delete, write and replace operation does to a file with FILE_ATTRIBUTE_READONLY.
 *
 * Steps: for each operation below, create its own file (CreateFileW
 * CREATE_NEW, attribute FILE_ATTRIBUTE_READONLY) and report the result:
 * "deletefile" DeleteFileW; "delete_on_close" CreateFileW (DELETE,
 * FILE_FLAG_DELETE_ON_CLOSE); "open_delete" CreateFileW (DELETE, no flag);
 * "disposition" FileDispositionInfo (DeleteFile = TRUE) through a handle
 * opened with DELETE; "open_write" CreateFileW GENERIC_WRITE; "movefile"
 * MoveFileW to a new name; "replace_onto" ReplaceFileW with the read-only
 * file as the replaced file; "replace_from" ReplaceFileW with it as the
 * replacement. Handles that open are closed at once; for "deletefile",
 * "delete_on_close" and "disposition" also report GetFileAttributesW of
 * the name afterwards. Every file is made writable again at the end.
 * Full sharing throughout. Skips on POSIX.
 *
 * Why: Windows refuses to delete or write a read-only file whoever asks,
 * while POSIX only looks at the directory's permissions for a delete.
 * Ported code that cleans up with unlink-like calls (build trees checked
 * out read-only, Git's object files, node_modules) fails on Windows until
 * it clears the attribute; code that relies on the refusal to protect a
 * file is surprised that rename still works. Wine maps the attribute to
 * Unix permission bits, which root ignores: this probe is observed as an
 * unprivileged user.
 *
 * References: DeleteFileW (Remarks: "If an application attempts to delete
 * a file that ... is read-only, the function fails with
 * ERROR_ACCESS_DENIED")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * ReplaceFileW; Wine dlls/kernel32/tests/file.c test_file_readonly_access,
 * test_ReplaceFileA; dlls/ntdll/tests/file.c
 * test_file_disposition_information ("cannot set disposition on readonly
 * file")
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
static const wchar_t *const names[] = {L"deletefile", L"delete_on_close", L"open_delete",
                                       L"disposition", L"open_write", L"movefile",
                                       L"replace_onto", L"replace_from"};

static void make(const wchar_t *path, DWORD attrs)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE, FSC_WIN32_SHARE_ALL, NULL, CREATE_NEW, attrs, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE && CloseHandle(h));
}

static void attrs_after(const char *tag, const wchar_t *path)
{
    char obs[48];
    snprintf(obs, sizeof obs, "%s.attrs", tag);
    fsc_obs_win32(obs, GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
}

static void probe(void)
{
    FILE_DISPOSITION_INFO set = {TRUE};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        make(names[i], FILE_ATTRIBUTE_READONLY);
    make(L"normal_replaced", FILE_ATTRIBUTE_NORMAL);
    make(L"normal_replacement", FILE_ATTRIBUTE_NORMAL);

    fsc_obs_win32("deletefile", DeleteFileW(L"deletefile"));
    attrs_after("deletefile", L"deletefile");
    fsc_obs_win32_open("delete_on_close", L"delete_on_close", DELETE, FSC_WIN32_SHARE_ALL,
                       OPEN_EXISTING, FILE_FLAG_DELETE_ON_CLOSE);
    attrs_after("delete_on_close", L"delete_on_close");
    fsc_obs_win32_open("open_delete", L"open_delete", DELETE, FSC_WIN32_SHARE_ALL, OPEN_EXISTING,
                       0);
    HANDLE h = CreateFileW(L"disposition", DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0,
                           NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("disposition", SetFileInformationByHandle(h, FileDispositionInfo, &set, sizeof set));
    FSC_CHECK(CloseHandle(h));
    attrs_after("disposition", L"disposition");
    fsc_obs_win32_open("open_write", L"open_write", GENERIC_WRITE, FSC_WIN32_SHARE_ALL,
                       OPEN_EXISTING, 0);
    fsc_obs_win32("movefile", MoveFileW(L"movefile", L"moved"));
    fsc_obs_win32("replace_onto", ReplaceFileW(L".\\replace_onto", L".\\normal_replacement",
                                               NULL, 0, NULL, NULL));
    fsc_obs_win32("replace_from", ReplaceFileW(L".\\normal_replaced", L".\\replace_from",
                                               NULL, 0, NULL, NULL));

    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        SetFileAttributesW(names[i], FILE_ATTRIBUTE_NORMAL);
    SetFileAttributesW(L"moved", FILE_ATTRIBUTE_NORMAL);
    SetFileAttributesW(L"normal_replaced", FILE_ATTRIBUTE_NORMAL);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
