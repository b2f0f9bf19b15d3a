/*
 * inherit.createprocess_handle_list — which inheritable handles a CreateProcess child gets: bInheritHandles TRUE, FALSE, and PROC_THREAD_ATTRIBUTE_HANDLE_LIST.
 *
 * Steps: create "a" and "b" and open each with CreateFileW, both handles
 * inheritable (SECURITY_ATTRIBUTES.bInheritHandle TRUE). Start this program
 * three times with CreateProcessW, passing both handle values and the two
 * files' identities (volume serial, file index) on the command line:
 * `inherit_true` with bInheritHandles TRUE; `inherit_false` with FALSE;
 * `handle_list` with TRUE and an attribute list whose
 * PROC_THREAD_ATTRIBUTE_HANDLE_LIST names only "a"'s handle. Each child,
 * before it opens anything, checks both values with
 * GetFileInformationByHandle and writes a verdict per handle (same_file,
 * other_file, or the Win32 error name) to a file; the probe reports them as
 * `<run>.a` and `<run>.b`, and whether each CreateProcessW (and the
 * attribute list set-up) succeeded. Every wait has the runtime's deadline.
 * Windows only; skips elsewhere.
 *
 * Why: an inheritable handle goes to EVERY child started with
 * bInheritHandles TRUE, including ones another thread starts at the same
 * moment; a server that hands a pipe to one worker leaks it into all of
 * them, and the pipe never reports EOF, or a file stays undeletable. The
 * handle list is the only race-free way to say "this child, these handles"
 * (the Windows counterpart of O_CLOEXEC plus posix_spawn_file_actions).
 *
 * References: Microsoft Learn, CreateProcessW (bInheritHandles: "If this
 * parameter is TRUE, each inheritable handle in the calling process is
 * inherited by the new process. If the parameter is FALSE, the handles are
 * not inherited"), UpdateProcThreadAttribute (PROC_THREAD_ATTRIBUTE_HANDLE_LIST:
 * "a list of handles to be inherited by the child process"), "Inheritance"
 * (Processes and Threads); Raymond Chen, "Programmatically controlling which
 * handles are inherited by new processes in Win32" (The Old New Thing, 2011).
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The child, started by CreateProcessW as a role without the runtime's
 * channel: "run,handle,vol,hi,lo,handle,vol,hi,lo"; writes "<run>.txt". */
static int handle_child(const char *arg)
{
    char run[32], verdict[2][64], path[48];
    unsigned long long h[2];
    unsigned long vol[2], hi[2], lo[2];
    if (sscanf(arg, "%31[a-z_],%llu,%lu,%lu,%lu,%llu,%lu,%lu,%lu", run, &h[0], &vol[0], &hi[0],
               &lo[0], &h[1], &vol[1], &hi[1], &lo[1]) != 9)
        return FSC_EXIT_BROKEN;
    for (int i = 0; i < 2; i++) {
        BY_HANDLE_FILE_INFORMATION info;
        if (!GetFileInformationByHandle((HANDLE)(uintptr_t)h[i], &info))
            snprintf(verdict[i], sizeof verdict[i], "%s", fsc_win32_error_name(GetLastError()));
        else
            snprintf(verdict[i], sizeof verdict[i], "%s",
                     info.dwVolumeSerialNumber == vol[i] && info.nFileIndexHigh == hi[i] &&
                             info.nFileIndexLow == lo[i]
                         ? "same_file"
                         : "other_file");
    }
    snprintf(path, sizeof path, "%s.txt", run);
    FILE *out = fopen(path, "wb");
    if (!out) return FSC_EXIT_BROKEN;
    fprintf(out, "%s %s\n", verdict[0], verdict[1]);
    return fclose(out) == 0 ? 0 : FSC_EXIT_BROKEN;
}

static HANDLE open_inheritable(const wchar_t *path, char *ident, size_t cap)
{
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    BY_HANDLE_FILE_INFORMATION info;
    HANDLE h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, &sa,
                           CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    FSC_CHECK(GetFileInformationByHandle(h, &info));
    snprintf(ident, cap, "%llu,%lu,%lu,%lu", (unsigned long long)(uintptr_t)h,
             info.dwVolumeSerialNumber, info.nFileIndexHigh, info.nFileIndexLow);
    return h;
}

/* Start the child for `run`; with `list`, only list[0] may be inherited. */
static void start(const char *run, BOOL inherit, HANDLE *list, const char *idents)
{
    wchar_t self[MAX_PATH], cmd[2 * MAX_PATH];
    char name[64], path[48], seen[2][64];
    STARTUPINFOEXW si;
    PROCESS_INFORMATION pi;
    SIZE_T size = 0;
    DWORD code, flags = 0;
    DWORD n = GetModuleFileNameW(NULL, self, MAX_PATH);
    FSC_CHECK(n > 0 && n < MAX_PATH);
    swprintf(cmd, 2 * MAX_PATH, L"\"%ls\" --fsc-role handle_child %hs,%hs", self, run, idents);
    memset(&si, 0, sizeof si);
    si.StartupInfo.cb = sizeof si.StartupInfo;
    if (list) {
        InitializeProcThreadAttributeList(NULL, 1, 0, &size);
        si.lpAttributeList = malloc(size);
        FSC_CHECK(si.lpAttributeList != NULL);
        snprintf(name, sizeof name, "%s.attribute_list", run);
        if (!fsc_obs_win32(name, InitializeProcThreadAttributeList(si.lpAttributeList, 1, 0,
                                                                   &size) &&
                                     UpdateProcThreadAttribute(si.lpAttributeList, 0,
                                                               PROC_THREAD_ATTRIBUTE_HANDLE_LIST,
                                                               list, sizeof list[0], NULL, NULL)))
            return;
        si.StartupInfo.cb = sizeof si;
        flags = EXTENDED_STARTUPINFO_PRESENT;
    }
    snprintf(name, sizeof name, "%s.create", run);
    BOOL ok = CreateProcessW(self, cmd, NULL, NULL, inherit, flags, NULL, NULL,
                             &si.StartupInfo, &pi);
    if (list) {
        DeleteProcThreadAttributeList(si.lpAttributeList);
        free(si.lpAttributeList);
    }
    if (!fsc_obs_win32(name, ok)) return;
    CloseHandle(pi.hThread);
    if (WaitForSingleObject(pi.hProcess, (DWORD)fsc_deadline_ms()) != WAIT_OBJECT_0) {
        TerminateProcess(pi.hProcess, FSC_EXIT_BROKEN);
        fsc_fail("child %s did not end within %d ms", run, fsc_deadline_ms());
    }
    FSC_CHECK(GetExitCodeProcess(pi.hProcess, &code) && code == 0);
    CloseHandle(pi.hProcess);
    snprintf(path, sizeof path, "%s.txt", run);
    const char *report = fsc_get(path);
    FSC_CHECK(report && sscanf(report, "%63s %63s", seen[0], seen[1]) == 2);
    for (int i = 0; i < 2; i++) {
        snprintf(name, sizeof name, "%s.%s", run, i ? "b" : "a");
        fsc_obs(name, "%s", seen[i]);
    }
}

static void probe(void)
{
    char ia[96], ib[96], idents[200];
    HANDLE a = open_inheritable(L"a", ia, sizeof ia);
    HANDLE b = open_inheritable(L"b", ib, sizeof ib);
    snprintf(idents, sizeof idents, "%s,%s", ia, ib);
    start("inherit_true", TRUE, NULL, idents);
    start("inherit_false", FALSE, NULL, idents);
    start("handle_list", TRUE, &a, idents);
    CloseHandle(a);
    CloseHandle(b);
}

FSC_PROBE_HELPERS(probe, {"handle_child", handle_child})
#else
static void probe(void) { fsc_skip("no_createprocess"); }
FSC_PROBE(probe)
#endif
