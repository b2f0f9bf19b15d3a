/*
 * open.create_always_hidden — CreateFileW CREATE_ALWAYS over a hidden or system file, with and without those attributes asked for.
 *
 * Steps: create "hidden" and "system", each holding "data", and give them
 * FILE_ATTRIBUTE_HIDDEN and FILE_ATTRIBUTE_SYSTEM (SetFileAttributesW);
 * report whether GetFileAttributesW then shows each ("*.attr_kept").
 * CreateFileW GENERIC_WRITE, CREATE_ALWAYS, full sharing, over "hidden"
 * with FILE_ATTRIBUTE_NORMAL ("hidden.normal") and then with
 * FILE_ATTRIBUTE_HIDDEN ("hidden.hidden"), and over "system" with
 * FILE_ATTRIBUTE_NORMAL ("system.normal"); report each (a handle that opens
 * is closed at once). The attributes are cleared at the end. Skips on
 * POSIX.
 *
 * Why: "overwrite this file" through CREATE_ALWAYS is what fopen("w"),
 * std::ofstream and .NET's File.Create do on Windows. When the target is
 * hidden (desktop.ini, dot-files a sync tool marked hidden, thumbnails) it
 * fails with ERROR_ACCESS_DENIED unless the caller asks for the same
 * attributes, so a program that rewrites its own hidden state file fails
 * with what looks like a permission problem.
 *
 * References: CreateFileW (CREATE_ALWAYS: "If CREATE_ALWAYS and
 * FILE_ATTRIBUTE_NORMAL are specified, CreateFile fails and sets the last
 * error to ERROR_ACCESS_DENIED if the file exists and has the
 * FILE_ATTRIBUTE_HIDDEN or FILE_ATTRIBUTE_SYSTEM attribute. To avoid the
 * error, specify the same attributes as the existing file.")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static void probe(void)
{
    fsc_put("hidden", "data");
    fsc_put("system", "data");
    FSC_CHECK(SetFileAttributesW(L"hidden", FILE_ATTRIBUTE_HIDDEN));
    FSC_CHECK(SetFileAttributesW(L"system", FILE_ATTRIBUTE_SYSTEM));
    fsc_obs_bool("hidden.attr_kept", (GetFileAttributesW(L"hidden") & FILE_ATTRIBUTE_HIDDEN) != 0);
    fsc_obs_bool("system.attr_kept", (GetFileAttributesW(L"system") & FILE_ATTRIBUTE_SYSTEM) != 0);
    fsc_obs_win32_open("hidden.normal", L"hidden", GENERIC_WRITE, FSC_WIN32_SHARE_ALL,
                       CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL);
    fsc_obs_win32_open("hidden.hidden", L"hidden", GENERIC_WRITE, FSC_WIN32_SHARE_ALL,
                       CREATE_ALWAYS, FILE_ATTRIBUTE_HIDDEN);
    fsc_obs_win32_open("system.normal", L"system", GENERIC_WRITE, FSC_WIN32_SHARE_ALL,
                       CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL);
    SetFileAttributesW(L"hidden", FILE_ATTRIBUTE_NORMAL);
    SetFileAttributesW(L"system", FILE_ATTRIBUTE_NORMAL);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
