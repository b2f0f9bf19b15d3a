/*
 * rename.posix_semantics — SetFileInformationByHandle(FileRenameInfoEx, POSIX_SEMANTICS|REPLACE_IF_EXISTS) onto a destination another handle holds open.
 *
 * Steps: twice, with fresh files "X.src" ("new") and "X.dst" ("old"): open
 * "X.dst" for reading, share read|write|delete (case "sd") or read|write
 * (the C runtime's sharing, case "crt"); open "X.src" with DELETE access,
 * share all; rename it onto "X.dst" with SetFileInformationByHandle
 * (FileRenameInfoEx, FILE_RENAME_FLAG_POSIX_SEMANTICS |
 * FILE_RENAME_FLAG_REPLACE_IF_EXISTS); report the result, what the handle on
 * the destination reads from offset 0, what the name "X.dst" reads and
 * whether "X.src" still exists. Control case "control": the same buffer
 * through the older FileRenameInfo class onto a destination nobody holds,
 * to tell "class not supported" from "buffer wrong".
 *
 * Why: POSIX-semantics rename (Windows 10 1607+) is what lets an atomic save
 * replace a file that readers hold open, as rename(2) does; Rust's
 * std::fs::rename (1.85+), Bun and several Go atomic-write packages use it.
 * Where it is missing (older Windows, FAT, emulators), those programs fall
 * back to MoveFileExW or fail.
 *
 * References: FILE_RENAME_INFORMATION (FILE_RENAME_POSIX_SEMANTICS: "allow
 * replacing a file even if there are existing handles to it. Existing
 * handles to the replaced file continue to be valid"),
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntifs/ns-ntifs-_file_rename_information;
 * FILE_RENAME_INFO and SetFileInformationByHandle (Win32 side);
 * https://github.com/rust-lang/rust/pull/131072
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>

#define NOT_HELD ((DWORD)0xFFFFFFFF)   /* no handle held: not a share mode */

static void one_case(const char *tag, DWORD share, int info_class)
{
    char name[64], src[16], dst[16], buf[16];
    wchar_t wsrc[16], wdst[16];
    union {
        FILE_RENAME_INFO info;
        char raw[sizeof(FILE_RENAME_INFO) + 32 * sizeof(wchar_t)];
    } r;
    DWORD n = 0, flags = FSC_FILE_RENAME_FLAG_POSIX_SEMANTICS | FSC_FILE_RENAME_FLAG_REPLACE_IF_EXISTS;
    fsc_stat st;
    snprintf(src, sizeof src, "%s.src", tag);
    snprintf(dst, sizeof dst, "%s.dst", tag);
    for (int i = 0; i < 16; i++) wsrc[i] = (unsigned char)src[i], wdst[i] = (unsigned char)dst[i];
    fsc_put(src, "new");
    fsc_put(dst, "old");
    HANDLE held = NULL;
    if (share != NOT_HELD) {
        held = CreateFileW(wdst, GENERIC_READ, share, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
        FSC_CHECK(held != INVALID_HANDLE_VALUE);
    }
    HANDLE h = CreateFileW(wsrc, DELETE | SYNCHRONIZE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    memset(&r, 0, sizeof r);
    memcpy(&r.info, &flags, sizeof flags);   /* the Flags member of the newer SDK's union */
    r.info.FileNameLength = (DWORD)(wcslen(wdst) * sizeof(wchar_t));
    memcpy(r.info.FileName, wdst, r.info.FileNameLength);
    snprintf(name, sizeof name, "%s.rename", tag);
    fsc_obs_win32(name, SetFileInformationByHandle(h, (FILE_INFO_BY_HANDLE_CLASS)info_class,
                                                   &r, (DWORD)sizeof r));
    FSC_CHECK(CloseHandle(h));
    snprintf(name, sizeof name, "%s.handle_reads", tag);
    if (held && ReadFile(held, buf, sizeof buf, &n, NULL)) fsc_obs_bytes(name, buf, n);
    else if (held) fsc_obs(name, "%s", fsc_win32_error_name(GetLastError()));
    const char *s = fsc_get(dst);
    snprintf(name, sizeof name, "%s.name_reads", tag);
    fsc_obs(name, "%s", s ? s : "unreadable");
    snprintf(name, sizeof name, "%s.src_exists", tag);
    fsc_obs_bool(name, fsc_op_stat(src, &st) == 0);
    if (held) FSC_CHECK(CloseHandle(held));
}

static void probe(void)
{
    one_case("sd", FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, FSC_FileRenameInfoEx);
    one_case("crt", FILE_SHARE_READ | FILE_SHARE_WRITE, FSC_FileRenameInfoEx);
    /* Control: the same buffer through the older FileRenameInfo class
     * (its ReplaceIfExists byte is non-zero), destination not held open. */
    one_case("control", NOT_HELD, FileRenameInfo);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
