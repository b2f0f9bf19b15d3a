/*
 * delete.nt_delete_file — NtDeleteFile and ZwDeleteFile by name: a file, an empty and a non-empty directory, a missing name, a file open elsewhere.
 *
 * Steps: resolve NtDeleteFile and ZwDeleteFile from ntdll.dll and turn each
 * name into an NT path with RtlDosPathNameToNtPathName_U. For each case,
 * call it on the name, report the NTSTATUS (`<case>.status`) and whether
 * the name is still there afterwards (`<case>.exists`, GetFileAttributesW):
 * "file" (a closed file, NtDeleteFile), "zw_file" (the same through
 * ZwDeleteFile), "empty_dir", "nonempty_dir" (holding one file; after the
 * call, `nonempty_dir.child_exists` too), "missing", "open_no_share" (a
 * file held open for reading with share read|write) and "open_share_delete"
 * (held with share read|write|delete; `open_share_delete.handle_reads`
 * reads through that handle after the call, then it is closed and
 * `open_share_delete.exists_after_close` reported). Skips on POSIX.
 *
 * Why: NtDeleteFile is the native call under "delete by name" in tools
 * that bypass Win32 (Cygwin, MSYS2, some installers and cleaners); it opens
 * the file with delete-on-close, so it inherits every rule of sharing and
 * of delete-pending files, and it reports success for a non-empty
 * directory that then stays: a recursive delete that trusts the status
 * leaves directories behind.
 *
 * References: NtDeleteFile / ZwDeleteFile,
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntifs/nf-ntifs-ntdeletefile;
 * Wine dlls/ntdll/tests/file.c test_NtDeleteFile (wine-8.0 lines 603-619)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winternl.h>

#include "fsc_win32.h"

#include <stdio.h>

typedef NTSTATUS(NTAPI *delete_fn)(OBJECT_ATTRIBUTES *);
typedef BOOLEAN(NTAPI *dos_to_nt_fn)(const wchar_t *, UNICODE_STRING *, const wchar_t **, void *);
static dos_to_nt_fn dos_to_nt;

static void exists(const char *tag, const char *what, const wchar_t *path)
{
    char name[64];
    snprintf(name, sizeof name, "%s.%s", tag, what);
    fsc_obs_bool(name, GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
}

static void one_case(const char *tag, delete_fn del, const wchar_t *path)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    char name[64];
    FSC_CHECK(dos_to_nt(path, &nt, NULL, NULL));
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    snprintf(name, sizeof name, "%s.status", tag);
    fsc_obs(name, "%s", fsc_ntstatus_name((unsigned long)del(&attr)));
    HeapFree(GetProcessHeap(), 0, nt.Buffer);
    exists(tag, "exists", path);
}

static HANDLE hold(const wchar_t *path, DWORD share)
{
    HANDLE h = CreateFileW(path, GENERIC_READ, share, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    return h;
}

static void probe(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    FSC_CHECK(ntdll != NULL);
    delete_fn nt_delete = (delete_fn)(void (*)(void))GetProcAddress(ntdll, "NtDeleteFile");
    delete_fn zw_delete = (delete_fn)(void (*)(void))GetProcAddress(ntdll, "ZwDeleteFile");
    dos_to_nt = (dos_to_nt_fn)(void (*)(void))GetProcAddress(ntdll, "RtlDosPathNameToNtPathName_U");
    FSC_CHECK(nt_delete && zw_delete && dos_to_nt);
    char buf[8];
    DWORD n = 0;

    fsc_put("file", "data");
    one_case("file", nt_delete, L"file");
    fsc_put("zw_file", "data");
    one_case("zw_file", zw_delete, L"zw_file");
    FSC_OK(fsc_op_mkdir("empty_dir"));
    one_case("empty_dir", nt_delete, L"empty_dir");
    FSC_OK(fsc_op_mkdir("nonempty_dir"));
    fsc_put("nonempty_dir/child", "data");
    one_case("nonempty_dir", nt_delete, L"nonempty_dir");
    exists("nonempty_dir", "child_exists", L"nonempty_dir\\child");
    one_case("missing", nt_delete, L"missing");

    fsc_put("open_no_share", "data");
    HANDLE h = hold(L"open_no_share", FILE_SHARE_READ | FILE_SHARE_WRITE);
    one_case("open_no_share", nt_delete, L"open_no_share");
    FSC_CHECK(CloseHandle(h));

    fsc_put("open_share_delete", "data");
    h = hold(L"open_share_delete", FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
    one_case("open_share_delete", nt_delete, L"open_share_delete");
    if (ReadFile(h, buf, sizeof buf, &n, NULL)) fsc_obs_bytes("open_share_delete.handle_reads", buf, n);
    else fsc_obs("open_share_delete.handle_reads", "%s", fsc_win32_error_name(GetLastError()));
    FSC_CHECK(CloseHandle(h));
    exists("open_share_delete", "exists_after_close", L"open_share_delete");
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
