/*
 * open.duplicatehandle_more_access — DuplicateHandle asking for access the source handle does not have.
 *
 * Steps: create "f" ("data"); for each row of the table, open "f" with the
 * source access (full sharing), DuplicateHandle it within this process
 * asking for the wanted access, and report the result; where the
 * duplicate was made, also report WriteFile of one byte at offset 0
 * through it ("write"). Rows: GENERIC_READ -> GENERIC_READ |
 * GENERIC_WRITE ("read_to_rw"), FILE_READ_DATA -> FILE_WRITE_DATA
 * ("read_data_to_write_data"), FILE_APPEND_DATA -> FILE_WRITE_DATA
 * ("append_to_write_data"), GENERIC_READ -> FILE_READ_DATA
 * ("read_to_read_data", a subset). Skips on POSIX.
 *
 * Why: a handle's access is fixed when it is opened; DuplicateHandle can
 * only narrow it. Sandboxes and brokers (Chromium's, a service handing
 * handles to a less trusted process) rely on that: if a duplicate could
 * ask for more, a read-only handle would be a write handle.
 *
 * References: DuplicateHandle (Remarks: "the duplicate handle cannot have
 * more access than the original handle")
 * https://learn.microsoft.com/en-us/windows/win32/api/handleapi/nf-handleapi-duplicatehandle;
 * Wine dlls/kernel32/tests/file.c test_file_access (is_access_compatible)
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#include <stdio.h>

#ifdef _WIN32
static const struct {
    const char *tag;
    DWORD have, want;
} rows[] = {
    {"read_to_rw", GENERIC_READ, GENERIC_READ | GENERIC_WRITE},
    {"read_data_to_write_data", FILE_READ_DATA, FILE_WRITE_DATA},
    {"append_to_write_data", FILE_APPEND_DATA, FILE_WRITE_DATA},
    {"read_to_read_data", GENERIC_READ, FILE_READ_DATA},
};

static void probe(void)
{
    char obs[64];
    fsc_put("f", "data");
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        HANDLE dup, h = CreateFileW(L"f", rows[i].have,
                                    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                    NULL, OPEN_EXISTING, 0, NULL);
        FSC_CHECK(h != INVALID_HANDLE_VALUE);
        snprintf(obs, sizeof obs, "%s.dup", rows[i].tag);
        if (fsc_obs_win32(obs, DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup,
                                               rows[i].want, FALSE, 0))) {
            DWORD n;
            OVERLAPPED at = {0};
            snprintf(obs, sizeof obs, "%s.write", rows[i].tag);
            fsc_obs_win32(obs, WriteFile(dup, "D", 1, &n, &at));
            FSC_CHECK(CloseHandle(dup));
        }
        FSC_CHECK(CloseHandle(h));
    }
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
