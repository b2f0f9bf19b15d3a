/*
 * path.junction — a directory junction made with FSCTL_SET_REPARSE_POINT: opening through it, how it looks, and deleting it.
 *
 * Steps: create directory "target" holding "target\inside" ("data") and an
 * empty directory "j". Open "j" for GENERIC_WRITE with
 * FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT and set an
 * IO_REPARSE_TAG_MOUNT_POINT reparse point whose substitute name is
 * "\??\<full path of target>" ("set"). Report whether "j" carries
 * FILE_ATTRIBUTE_REPARSE_POINT ("attr_reparse_point"), whether FindFirstFileW
 * gives the mount-point tag in dwReserved0 ("find_tag": mount_point, other,
 * none), what "j\inside" reads ("reads_through"), creating "j\new"
 * ("create_through") and whether it appears as "target\new"
 * ("created_in_target"). Then RemoveDirectoryW "j" ("remove_junction") and
 * report whether "j", "target" and "target\inside" still exist. Skips on
 * POSIX.
 *
 * Why: junctions are how Windows links directories without the
 * symbolic-link privilege (npm and pnpm's node_modules, Windows'
 * compatibility links such as "Documents and Settings", build tools'
 * output folders). A tool that follows them when deleting wipes the target
 * (the classic "rm -rf through a junction" data loss); a tool that does not
 * recognise them copies the target twice or loops.
 *
 * References: Microsoft Learn "Hard links and junctions",
 * https://learn.microsoft.com/en-us/windows/win32/fileio/hard-links-and-junctions;
 * FSCTL_SET_REPARSE_POINT and REPARSE_DATA_BUFFER,
 * https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntifs/ns-ntifs-_reparse_data_buffer;
 * RemoveDirectoryW (Remarks: a symbolic link or junction is removed, not
 * its target); WIN32_FIND_DATAW (dwReserved0: the reparse tag)
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winioctl.h>

#include "fsc_win32.h"

#include <string.h>

/* REPARSE_DATA_BUFFER's mount-point form (ntifs.h, not in user-mode headers). */
struct mount_point {
    DWORD tag;
    WORD data_length, reserved;
    WORD subst_offset, subst_length, print_offset, print_length;
    WCHAR path[512];
};

static BOOL make_junction(const wchar_t *link, const wchar_t *target)
{
    struct mount_point rp = {0};
    wchar_t full[MAX_PATH];
    DWORD n = GetFullPathNameW(target, MAX_PATH, full, NULL), got = 0;
    FSC_CHECK(n > 0 && n < MAX_PATH - 8);
    WORD subst = (WORD)((4 + n) * sizeof(WCHAR));   /* "\??\" + full */
    memcpy(rp.path, L"\\??\\", 4 * sizeof(WCHAR));
    memcpy(rp.path + 4, full, n * sizeof(WCHAR));
    memcpy(rp.path + 4 + n + 1, full, n * sizeof(WCHAR));   /* print name */
    rp.tag = IO_REPARSE_TAG_MOUNT_POINT;
    rp.subst_length = subst;
    rp.print_offset = (WORD)(subst + sizeof(WCHAR));
    rp.print_length = (WORD)(n * sizeof(WCHAR));
    rp.data_length = (WORD)(8 + rp.print_offset + rp.print_length + sizeof(WCHAR));
    HANDLE h = CreateFileW(link, GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    BOOL ok = DeviceIoControl(h, FSCTL_SET_REPARSE_POINT, &rp, 8 + rp.data_length, NULL, 0,
                              &got, NULL);
    DWORD err = GetLastError();
    FSC_CHECK(CloseHandle(h));
    SetLastError(err);
    return ok;
}

static void probe(void)
{
    WIN32_FIND_DATAW fd;
    FSC_OK(fsc_op_mkdir("target"));
    fsc_put("target/inside", "data");
    FSC_OK(fsc_op_mkdir("j"));
    fsc_obs_win32("set", make_junction(L"j", L"target"));
    DWORD attrs = GetFileAttributesW(L"j");
    FSC_CHECK(attrs != INVALID_FILE_ATTRIBUTES);
    fsc_obs_bool("attr_reparse_point", (attrs & FILE_ATTRIBUTE_REPARSE_POINT) != 0);
    HANDLE find = FindFirstFileW(L"j", &fd);
    FSC_CHECK(find != INVALID_HANDLE_VALUE);
    fsc_obs("find_tag", "%s",
            !(fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) ? "none"
            : fd.dwReserved0 == IO_REPARSE_TAG_MOUNT_POINT       ? "mount_point"
                                                                  : "other");
    FindClose(find);
    fsc_obs_file("reads_through", "j/inside");
    fsc_obs_win32_open("create_through", L"j\\new", GENERIC_WRITE, 0, CREATE_NEW, 0);
    fsc_obs_bool("created_in_target", GetFileAttributesW(L"target\\new") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_win32("remove_junction", RemoveDirectoryW(L"j"));
    fsc_obs_bool("junction_exists", GetFileAttributesW(L"j") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_bool("target_exists", GetFileAttributesW(L"target") != INVALID_FILE_ATTRIBUTES);
    fsc_obs_bool("target_inside_exists",
                 GetFileAttributesW(L"target\\inside") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
