/*
 * delete.running_image — delete, rename, replace and open for writing a running executable and a loaded DLL.
 *
 * Steps: one row per kind of image, one cell per operation; every cell
 * works on a fresh copy in the sandbox. Row "exe": this probe's own
 * executable, copied and started with CreateProcessW in a role that
 * signals an event once running and waits for a second one (every wait
 * has the runtime's deadline). Row "dll": a copy of version.dll from the
 * system directory, loaded with LoadLibraryExW(DONT_RESOLVE_DLL_REFERENCES)
 * (`dll.loaded_from`: whether the module's path is the copy). Operations,
 * each reported `<row>.<op>` as ok or the Win32 error: "delete"
 * (DeleteFileW), "disposition" (open with DELETE access, share
 * read|write|delete, SetFileInformationByHandle FileDispositionInfo),
 * "rename" (MoveFileExW to a new name), "rename_over" (MoveFileExW of
 * another file onto it, MOVEFILE_REPLACE_EXISTING), "replace" (ReplaceFileW
 * with another file, no backup; ".\\" names, as rename.replacefile
 * explains), "open_append" (CreateFileW for
 * FILE_APPEND_DATA | SYNCHRONIZE only, share read|write|delete) and
 * "open_write" (GENERIC_WRITE, same share). Then the process is ended or the
 * DLL freed. Skips on POSIX.
 *
 * Why: updaters, package managers and build tools replace programs and
 * libraries that are running. On Windows the loader keeps an image section
 * of the file: it refuses deletion and writing, but was opened with
 * FILE_SHARE_DELETE, so the file can be renamed out of the way and a new
 * one put in its place; the classic update dance depends on exactly which
 * of these work. Linux allows all of them except writing to a running
 * executable (ETXTBSY).
 *
 * References: DeleteFileW (Remarks: fails for a file that is being
 * executed or mapped), MoveFileExW,
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-movefileexw;
 * Wine dlls/kernel32/tests/file.c test_file_sharing (an image section
 * refuses FILE_WRITE_DATA, is_sharing_map_compatible);
 * Wine dlls/ntdll/tests/file.c test_file_disposition_information
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <stdlib.h>

/* The running executable: "ready,done" are inheritable event handles. */
static int hold(const char *arg)
{
    unsigned long long ready, done;
    if (sscanf(arg, "%llu,%llu", &ready, &done) != 2) return FSC_EXIT_BROKEN;
    if (!SetEvent((HANDLE)(uintptr_t)ready)) return FSC_EXIT_BROKEN;
    return WaitForSingleObject((HANDLE)(uintptr_t)done, (DWORD)fsc_deadline_ms()) == WAIT_OBJECT_0
               ? 0
               : FSC_EXIT_BROKEN;
}

static BOOL op_delete(const wchar_t *p) { return DeleteFileW(p); }
static BOOL op_disposition(const wchar_t *p)
{
    FILE_DISPOSITION_INFO info = {TRUE};
    HANDLE h = CreateFileW(p, DELETE, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    BOOL ok = SetFileInformationByHandle(h, FileDispositionInfo, &info, sizeof info);
    DWORD err = GetLastError();
    CloseHandle(h);
    SetLastError(err);
    return ok;
}
static BOOL op_rename(const wchar_t *p)
{
    wchar_t to[64];
    swprintf(to, 64, L"%ls.moved", p);
    return MoveFileExW(p, to, 0);
}
static BOOL op_rename_over(const wchar_t *p)
{
    fsc_put("other", "new");
    return MoveFileExW(L"other", p, MOVEFILE_REPLACE_EXISTING);
}
static BOOL op_replace(const wchar_t *p)
{
    fsc_put("other", "new");
    return ReplaceFileW(p, L".\\other", NULL, 0, NULL, NULL);
}
static BOOL open_as(const wchar_t *p, DWORD access)
{
    HANDLE h = CreateFileW(p, access, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    return h != INVALID_HANDLE_VALUE && CloseHandle(h);
}
static BOOL op_open_append(const wchar_t *p) { return open_as(p, FILE_APPEND_DATA | SYNCHRONIZE); }
static BOOL op_open_write(const wchar_t *p) { return open_as(p, GENERIC_WRITE); }

static const struct {
    const char *name;
    BOOL (*run)(const wchar_t *path);
} ops[] = {{"delete", op_delete},           {"disposition", op_disposition},
           {"rename", op_rename},           {"rename_over", op_rename_over},
           {"replace", op_replace},         {"open_append", op_open_append},
           {"open_write", op_open_write}};

static void exe_cell(const wchar_t *self, int i)
{
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    STARTUPINFOW si = {0};
    PROCESS_INFORMATION pi;
    wchar_t path[64], cmd[200];
    char name[64];
    DWORD code;
    swprintf(path, 64, L".\\exe_%hs.exe", ops[i].name);
    FSC_CHECK(CopyFileW(self, path, TRUE));
    si.cb = sizeof si;
    HANDLE ready = CreateEventW(&sa, TRUE, FALSE, NULL), done = CreateEventW(&sa, TRUE, FALSE, NULL);
    FSC_CHECK(ready && done);
    swprintf(cmd, 200, L"%ls --fsc-role hold %llu,%llu", path, (unsigned long long)(uintptr_t)ready,
             (unsigned long long)(uintptr_t)done);
    FSC_CHECK(CreateProcessW(path, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi));
    CloseHandle(pi.hThread);
    if (WaitForSingleObject(ready, (DWORD)fsc_deadline_ms()) != WAIT_OBJECT_0) {
        TerminateProcess(pi.hProcess, FSC_EXIT_BROKEN);
        fsc_fail("the copy did not start within %d ms", fsc_deadline_ms());
    }
    snprintf(name, sizeof name, "exe.%s", ops[i].name);
    fsc_obs_win32(name, ops[i].run(path));
    FSC_CHECK(SetEvent(done));
    if (WaitForSingleObject(pi.hProcess, (DWORD)fsc_deadline_ms()) != WAIT_OBJECT_0) {
        TerminateProcess(pi.hProcess, FSC_EXIT_BROKEN);
        fsc_fail("the copy did not end within %d ms", fsc_deadline_ms());
    }
    FSC_CHECK(GetExitCodeProcess(pi.hProcess, &code) && code == 0);
    CloseHandle(pi.hProcess);
    CloseHandle(ready);
    CloseHandle(done);
}

static void dll_cell(const wchar_t *system_dll, int i)
{
    wchar_t path[64], full[MAX_PATH], loaded[MAX_PATH];
    char name[64];
    swprintf(path, 64, L".\\dll_%hs.dll", ops[i].name);
    FSC_CHECK(CopyFileW(system_dll, path, TRUE));
    FSC_CHECK(GetFullPathNameW(path, MAX_PATH, full, NULL) > 0);
    HMODULE m = LoadLibraryExW(full, NULL, DONT_RESOLVE_DLL_REFERENCES);
    FSC_CHECK(m != NULL);
    if (i == 0) {
        DWORD n = GetModuleFileNameW(m, loaded, MAX_PATH);
        fsc_obs("dll.loaded_from", "%s", n && !lstrcmpiW(loaded, full) ? "copy" : "elsewhere");
    }
    snprintf(name, sizeof name, "dll.%s", ops[i].name);
    fsc_obs_win32(name, ops[i].run(path));
    FSC_CHECK(FreeLibrary(m));
}

static void probe(void)
{
    wchar_t self[MAX_PATH], system_dll[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, self, MAX_PATH);
    FSC_CHECK(n > 0 && n < MAX_PATH);
    n = GetSystemDirectoryW(system_dll, MAX_PATH - 16);
    FSC_CHECK(n > 0 && n < MAX_PATH - 16);
    wcscat(system_dll, L"\\version.dll");
    for (int i = 0; i < (int)(sizeof ops / sizeof ops[0]); i++) exe_cell(self, i);
    for (int i = 0; i < (int)(sizeof ops / sizeof ops[0]); i++) dll_cell(system_dll, i);
}

FSC_PROBE_HELPERS(probe, {"hold", hold})
#else
static void probe(void) { fsc_skip("no_win32"); }
FSC_PROBE(probe)
#endif
