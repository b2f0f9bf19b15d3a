/*
 * open.truncate_existing_no_write — CreateFileW TRUNCATE_EXISTING with access that lacks GENERIC_WRITE.
 *
 * Steps: for each access in the table — none (0), GENERIC_READ,
 * FILE_WRITE_DATA, GENERIC_WRITE — create a file holding "data",
 * CreateFileW it with TRUNCATE_EXISTING and that access (full sharing),
 * report the result (a handle that opens is closed at once) and whether
 * the file is "truncated" or "unchanged" afterwards. Skips on POSIX.
 *
 * Why: CreateFileW documents that TRUNCATE_EXISTING needs GENERIC_WRITE;
 * POSIX's O_TRUNC with O_RDONLY is unspecified (Linux truncates, see
 * open.trunc_rdonly). A library that maps "open read-only and truncate"
 * onto TRUNCATE_EXISTING gets a refusal on Windows, and one that asks for
 * the narrower FILE_WRITE_DATA right (least privilege) is refused too.
 *
 * References: CreateFileW (TRUNCATE_EXISTING: "The calling process must
 * open the file with the GENERIC_WRITE bit set as part of the
 * dwDesiredAccess parameter")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Wine dlls/kernel32/tests/file.c test_CreateFile (rows 22-26)
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#ifdef _WIN32
static const struct {
    const char *tag;
    DWORD access;
} cases[] = {
    {"none", 0},
    {"read", GENERIC_READ},
    {"write_data", FILE_WRITE_DATA},
    {"generic_write", GENERIC_WRITE},
};

static void probe(void)
{
    char obs[48];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        wchar_t path[32];
        swprintf(path, 32, L"%hs", cases[i].tag);
        fsc_put(cases[i].tag, "data");
        fsc_obs_win32_open(cases[i].tag, path, cases[i].access,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           TRUNCATE_EXISTING, 0);
        const char *s = fsc_get(cases[i].tag);
        FSC_CHECK(s != NULL);
        snprintf(obs, sizeof obs, "%s.file", cases[i].tag);
        fsc_obs(obs, "%s", strcmp(s, "data") == 0 ? "unchanged" : *s ? "other" : "truncated");
    }
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
