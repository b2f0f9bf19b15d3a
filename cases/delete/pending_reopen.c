/*
 * delete.pending_reopen — what each way of reaching a name does while its file is delete pending.
 *
 * Steps: create "f" ("old"); open it for reading with full sharing
 * (FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE); DeleteFileW "f"
 * (report it); then, while that handle is open: CreateFileW "f" with
 * OPEN_EXISTING, CREATE_NEW and CREATE_ALWAYS (full sharing each; a handle
 * that opens is closed at once), GetFileAttributesW "f", FindFirstFileW
 * "f". Read through the open handle before and after those attempts
 * (from offset 0 each time). Close the handle and report
 * GetFileAttributesW "f" and a CREATE_NEW of "f" again. Skips on POSIX.
 *
 * Why: a file deleted while someone holds it open (with delete sharing)
 * stays in the directory on classic Windows semantics: it is found by name
 * but cannot be opened or created again ("access denied", really
 * STATUS_DELETE_PENDING) until the last handle closes. Programs that
 * delete and immediately re-create a file (lock files, caches, atomic
 * saves, test fixtures) fail at random when an indexer or virus scanner
 * holds the old one; directory scans list a file nobody can open. Newer
 * Windows 10 builds delete with POSIX semantics by default on NTFS, which
 * removes the name at once: which one a system does is the observation.
 *
 * References: DeleteFileW (Remarks: "marks a file for deletion on close
 * ... Subsequent calls to CreateFile to open the file fail with
 * ERROR_ACCESS_DENIED")
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew;
 * FILE_DISPOSITION_INFORMATION_EX (POSIX semantics)
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex;
 * Wine dlls/kernel32/tests/file.c, dlls/ntdll/tests/file.c
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static void try_create(const char *name, DWORD access, DWORD disposition)
{
    fsc_obs_win32_open(name, L"f", access, FSC_WIN32_SHARE_ALL, disposition, 0);
}

static void read_handle(const char *name, HANDLE h)
{
    char buf[8];
    DWORD n = 0;
    FSC_CHECK(SetFilePointer(h, 0, NULL, FILE_BEGIN) == 0);
    FSC_CHECK(ReadFile(h, buf, sizeof buf, &n, NULL));
    fsc_obs_bytes(name, buf, n);
}

static void probe(void)
{
    WIN32_FIND_DATAW fd;
    fsc_put("f", "old");
    HANDLE h = CreateFileW(L"f", GENERIC_READ, FSC_WIN32_SHARE_ALL, NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("delete", DeleteFileW(L"f"));
    read_handle("handle_reads_before", h);
    try_create("open_existing", GENERIC_READ, OPEN_EXISTING);
    try_create("create_new", GENERIC_WRITE, CREATE_NEW);
    try_create("create_always", GENERIC_WRITE, CREATE_ALWAYS);
    fsc_obs_win32("attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
    HANDLE find = FindFirstFileW(L"f", &fd);
    if (fsc_obs_win32("find", find != INVALID_HANDLE_VALUE)) FindClose(find);
    read_handle("handle_reads_after", h);
    FSC_CHECK(CloseHandle(h));
    fsc_obs_win32("after_close.attrs", GetFileAttributesW(L"f") != INVALID_FILE_ATTRIBUTES);
    try_create("after_close.create_new", GENERIC_WRITE, CREATE_NEW);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
