/*
 * path.posix_semantics_flag — FILE_FLAG_POSIX_SEMANTICS: two names that differ only in case.
 *
 * Steps: CreateFileW "Ab" (CREATE_NEW, GENERIC_WRITE) with
 * FILE_FLAG_POSIX_SEMANTICS and write "upper" ("create_first"); then
 * CreateFileW "aB" (CREATE_NEW) with the flag ("create_second_posix") and,
 * if that failed, without it ("create_second_plain"). Report how many
 * entries the directory lists ("entries": 1 or 2), what OPEN_EXISTING
 * "AB" with the flag reads ("open_other_case_reads": upper, the second
 * file's content, or the error) and what "Ab" reads ("first_reads").
 * Skips on POSIX.
 *
 * Why: the flag asks for case-sensitive name lookup, and tools that mirror
 * Unix trees (Cygwin, MSYS2, Git for Windows, WSL interop) reach for it to
 * keep "Makefile" and "makefile" apart. Since Windows XP the object
 * manager is case-insensitive by default (the kernel's
 * obcaseinsensitive setting), so the flag alone does nothing: the second
 * name is the first file. A tool that trusts the flag overwrites files.
 *
 * References: CreateFileW (FILE_FLAG_POSIX_SEMANTICS: access "will occur
 * according to POSIX rules ... files with names that differ only in case,
 * for file systems that support that naming"),
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Microsoft Learn "Case sensitivity" (per-directory case sensitivity
 * replaces it), https://learn.microsoft.com/en-us/windows/wsl/case-sensitivity
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void write_and_close(HANDLE h, const char *text, DWORD n)
{
    DWORD done = 0;
    FSC_CHECK(WriteFile(h, text, n, &done, NULL) && CloseHandle(h));
}

static void probe(void)
{
    HANDLE h = CreateFileW(L"Ab", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_FLAG_POSIX_SEMANTICS, NULL);
    FSC_CHECK(fsc_obs_win32("create_first", h != INVALID_HANDLE_VALUE));
    write_and_close(h, "upper", 5);
    h = CreateFileW(L"aB", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_FLAG_POSIX_SEMANTICS, NULL);
    if (fsc_obs_win32("create_second_posix", h != INVALID_HANDLE_VALUE)) {
        write_and_close(h, "lower", 5);
    } else {
        h = CreateFileW(L"aB", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        if (fsc_obs_win32("create_second_plain", h != INVALID_HANDLE_VALUE))
            write_and_close(h, "lower", 5);
    }
    int count = 0;
    FSC_OK(fsc_op_list(".", NULL, 0, &count));
    fsc_obs_int("entries", count);
    h = CreateFileW(L"AB", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                    FILE_FLAG_POSIX_SEMANTICS, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fsc_obs("open_other_case_reads", "%s", fsc_win32_error_name(GetLastError()));
    } else {
        char buf[8];
        DWORD n = 0;
        FSC_CHECK(ReadFile(h, buf, sizeof buf, &n, NULL) && CloseHandle(h));
        fsc_obs_bytes("open_other_case_reads", buf, n);
    }
    fsc_obs_file("first_reads", "Ab");
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
