/*
 * inherit.security_attributes — CreateFileW with a NULL SECURITY_ATTRIBUTES, with bInheritHandle FALSE and TRUE, and SetHandleInformation afterwards: what a child started with bInheritHandles TRUE holds.
 *
 * Steps: create four files of 1, 2, 3 and 4 bytes and open each with
 * CreateFileW: "null" with lpSecurityAttributes NULL, "false" with a
 * SECURITY_ATTRIBUTES whose bInheritHandle is FALSE, "true" with TRUE, and
 * "set_later" with NULL and then SetHandleInformation(HANDLE_FLAG_INHERIT).
 * Report each handle's HANDLE_FLAG_INHERIT (`<case>.flag`: inherit or
 * none). Start a helper (CreateProcessW with bInheritHandles TRUE, the
 * runtime's fsc_spawn) and send it the four handle values; it asks
 * GetFileSize of each and answers `same_file` when the size is that
 * file's, `other_object` when the value names something else, or the
 * error (ERROR_INVALID_HANDLE: nothing there); the probe reports
 * `<case>.child`. Skips on POSIX.
 *
 * Why: a NULL security-attributes pointer means "not inheritable", exactly
 * like bInheritHandle FALSE; only TRUE (or a later SetHandleInformation)
 * makes the handle go to every child started with bInheritHandles TRUE. A
 * runtime that passes a SECURITY_ATTRIBUTES with bInheritHandle left at
 * TRUE (or uninitialised) leaks every file it opens into every child: the
 * files then stay open (and undeletable, unrenamable) as long as the child
 * runs.
 *
 * References: CreateFileW (lpSecurityAttributes: "If this parameter is
 * NULL, the handle returned by CreateFile cannot be inherited by any child
 * processes"), SECURITY_ATTRIBUTES (bInheritHandle),
 * SetHandleInformation, Microsoft Learn "Handle Inheritance",
 * https://learn.microsoft.com/en-us/windows/win32/sysinfo/handle-inheritance
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>

static const char *const cases[] = {"null", "false", "true", "set_later"};

static int child(const char *arg)
{
    unsigned long long h[4];
    char reply[160] = "";
    (void)arg;
    if (sscanf(fsc_recv(NULL), "%llu %llu %llu %llu", &h[0], &h[1], &h[2], &h[3]) != 4)
        return FSC_EXIT_BROKEN;
    for (int i = 0; i < 4; i++) {
        DWORD size = GetFileSize((HANDLE)(uintptr_t)h[i], NULL);
        const char *verdict = size == (DWORD)(i + 1)        ? "same_file"
                              : size != INVALID_FILE_SIZE    ? "other_object"
                              : GetLastError() == NO_ERROR   ? "other_object"
                                                            : fsc_win32_error_name(GetLastError());
        snprintf(reply + strlen(reply), sizeof reply - strlen(reply), "%s ", verdict);
    }
    fsc_send(NULL, "%s", reply);
    return 0;
}

static void probe(void)
{
    static const char *const contents[] = {"a", "ab", "abc", "abcd"};
    SECURITY_ATTRIBUTES no = {sizeof no, NULL, FALSE}, yes = {sizeof yes, NULL, TRUE};
    SECURITY_ATTRIBUTES *sa[] = {NULL, &no, &yes, NULL};
    HANDLE h[4];
    char name[48], verdict[4][48];
    for (int i = 0; i < 4; i++) {
        wchar_t wname[16];
        swprintf(wname, 16, L"%hs", cases[i]);
        fsc_put(cases[i], contents[i]);
        h[i] = CreateFileW(wname, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           sa[i], OPEN_EXISTING, 0, NULL);
        FSC_CHECK(h[i] != INVALID_HANDLE_VALUE);
    }
    FSC_CHECK(SetHandleInformation(h[3], HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT));
    for (int i = 0; i < 4; i++) {
        DWORD flags = 0;
        FSC_CHECK(GetHandleInformation(h[i], &flags));
        snprintf(name, sizeof name, "%s.flag", cases[i]);
        fsc_obs(name, "%s", flags & HANDLE_FLAG_INHERIT ? "inherit" : "none");
    }
    fsc_helper *c = fsc_spawn("child", NULL, FSC_SPAWN_EXEC);
    fsc_send(c, "%llu %llu %llu %llu", (unsigned long long)(uintptr_t)h[0],
             (unsigned long long)(uintptr_t)h[1], (unsigned long long)(uintptr_t)h[2],
             (unsigned long long)(uintptr_t)h[3]);
    FSC_CHECK(sscanf(fsc_recv(c), "%47s %47s %47s %47s", verdict[0], verdict[1], verdict[2],
                     verdict[3]) == 4);
    FSC_CHECK(fsc_wait(c) == 0);
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "%s.child", cases[i]);
        fsc_obs(name, "%s", verdict[i]);
        FSC_CHECK(CloseHandle(h[i]));
    }
}

FSC_PROBE_HELPERS(probe, {"child", child})
#else
static void probe(void) { fsc_skip("no_win32"); }
FSC_PROBE(probe)
#endif
