/*
 * open.access_rights_read_write — which specific access rights let a handle read and write.
 *
 * Steps: for each access in the table — GENERIC_WRITE, GENERIC_READ,
 * FILE_WRITE_DATA, FILE_READ_DATA, FILE_APPEND_DATA, FILE_READ_DATA |
 * FILE_APPEND_DATA, FILE_WRITE_DATA | FILE_APPEND_DATA, none (0) — create a
 * new file with CreateFileW (CREATE_NEW, share none) and that access;
 * WriteFile two bytes ("write"); move the file pointer to 0 and ReadFile
 * ("read"); report both. Skips on POSIX.
 *
 * Why: least-privilege code asks for specific rights (FILE_APPEND_DATA for
 * a log, FILE_WRITE_DATA for an overwrite) instead of GENERIC_*; the C
 * runtime's append mode and Go's O_APPEND map to FILE_APPEND_DATA without
 * FILE_WRITE_DATA. What each right allows decides whether such a handle
 * can write at all, and that none of the write rights lets it read back
 * what it wrote (a pattern many "write then verify" routines use).
 *
 * References: File Access Rights Constants
 * https://learn.microsoft.com/en-us/windows/win32/fileio/file-access-rights-constants;
 * Wine dlls/kernel32/tests/file.c test_file_access (its access table)
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>
#include <wchar.h>

#ifdef _WIN32
static const struct {
    const char *tag;
    DWORD access;
} rows[] = {
    {"generic_write", GENERIC_WRITE},
    {"generic_read", GENERIC_READ},
    {"write_data", FILE_WRITE_DATA},
    {"read_data", FILE_READ_DATA},
    {"append_data", FILE_APPEND_DATA},
    {"read_append", FILE_READ_DATA | FILE_APPEND_DATA},
    {"write_append", FILE_WRITE_DATA | FILE_APPEND_DATA},
    {"none", 0},
};

static void probe(void)
{
    char obs[48], buf[16];
    wchar_t path[32];
    DWORD n;
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        swprintf(path, 32, L"%hs", rows[i].tag);
        HANDLE h = CreateFileW(path, rows[i].access, 0, NULL, CREATE_NEW, 0, NULL);
        FSC_CHECK(h != INVALID_HANDLE_VALUE);
        snprintf(obs, sizeof obs, "%s.write", rows[i].tag);
        fsc_obs_win32(obs, WriteFile(h, "ab", 2, &n, NULL));
        FSC_CHECK(SetFilePointer(h, 0, NULL, FILE_BEGIN) == 0);
        snprintf(obs, sizeof obs, "%s.read", rows[i].tag);
        fsc_obs_win32(obs, ReadFile(h, buf, sizeof buf, &n, NULL));
        FSC_CHECK(CloseHandle(h));
    }
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
