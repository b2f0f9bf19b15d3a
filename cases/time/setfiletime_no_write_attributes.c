/*
 * time.setfiletime_no_write_attributes — SetFileTime through handles without FILE_WRITE_ATTRIBUTES.
 *
 * Steps: for each case, create a file of its name and open it (full
 * sharing) with GENERIC_READ ("read"), with no access at all ("none") or
 * with FILE_WRITE_ATTRIBUTES only ("write_attributes"); call
 * SetFileTime(h, NULL, NULL, NULL) ("null_times") and SetFileTime with a
 * last-write time of 2001-01-01T00:00:00Z ("mtime"), reporting both; close
 * it and report whether the file's last-write time is then "set" (that
 * value) or "unchanged". Skips on POSIX.
 *
 * Why: tools that restore timestamps after copying (archivers, rsync-like
 * sync clients, build caches) open the target for reading and set its
 * times through that handle. POSIX's utimensat needs only ownership or
 * write permission, not an open mode; Windows checks the handle's access
 * rights, and a successful "no change" call with all NULL pointers does
 * not prove the real one will work.
 *
 * References: SetFileTime ("The handle must have been created using the
 * CreateFile function with the FILE_WRITE_ATTRIBUTES access right")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-setfiletime;
 * Wine dlls/kernel32/tests/file.c test_CreateFile (SetFileTime on handles
 * opened without GENERIC_WRITE)
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
/* 2001-01-01T00:00:00Z in 100-ns intervals since 1601 */
#define MTIME_2001 126227808000000000ULL

static void one_case(const char *tag, const wchar_t *path, DWORD access)
{
    char obs[48];
    fsc_put(tag, "data");
    FILETIME ft = {(DWORD)MTIME_2001, (DWORD)(MTIME_2001 >> 32)}, now;
    HANDLE h = CreateFileW(path, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    snprintf(obs, sizeof obs, "%s.null_times", tag);
    fsc_obs_win32(obs, SetFileTime(h, NULL, NULL, NULL));
    snprintf(obs, sizeof obs, "%s.mtime", tag);
    fsc_obs_win32(obs, SetFileTime(h, NULL, NULL, &ft));
    FSC_CHECK(CloseHandle(h));
    WIN32_FILE_ATTRIBUTE_DATA ad;
    FSC_CHECK(GetFileAttributesExW(path, GetFileExInfoStandard, &ad));
    now = ad.ftLastWriteTime;
    snprintf(obs, sizeof obs, "%s.mtime_after", tag);
    fsc_obs(obs, "%s", CompareFileTime(&now, &ft) == 0 ? "set" : "unchanged");
}

static void probe(void)
{
    one_case("read", L"read", GENERIC_READ);
    one_case("none", L"none", 0);
    one_case("write_attributes", L"write_attributes", FILE_WRITE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
