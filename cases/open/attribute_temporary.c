/*
 * open.attribute_temporary — FILE_ATTRIBUTE_TEMPORARY given at creation and set later: is it stored and read back, on a file and on a directory.
 *
 * Steps: CreateFileW "t" (CREATE_NEW, GENERIC_WRITE) with
 * FILE_ATTRIBUTE_TEMPORARY ("create"); report whether GetFileAttributesW
 * "t" has the bit ("create_stored") and whether
 * GetFileInformationByHandle through the open handle has it
 * ("handle_stored"); close. Create "p" plainly, then SetFileAttributesW
 * "p" to FILE_ATTRIBUTE_TEMPORARY ("set") and read it back ("set_stored");
 * then to FILE_ATTRIBUTE_NORMAL ("clear") and read back ("clear_stored").
 * Create directory "d" and SetFileAttributesW it to
 * FILE_ATTRIBUTE_TEMPORARY ("dir_set"), reporting whether the bit is then
 * there ("dir_stored"). Skips on POSIX.
 *
 * Why: the temporary attribute tells the cache manager to keep a file in
 * memory and avoid writing it (compilers' intermediate files, .NET's
 * temporary files, browsers' caches); tools that copy attributes or test
 * for it (backup software skips temporary files) depend on it being stored
 * and reported like the other attributes.
 *
 * References: Microsoft Learn "File Attribute Constants"
 * (FILE_ATTRIBUTE_TEMPORARY: "A file that is being used for temporary
 * storage"), https://learn.microsoft.com/en-us/windows/win32/fileio/file-attribute-constants;
 * CreateFileW (Caching Behavior); SetFileAttributesW
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void stored(const char *name, const wchar_t *path)
{
    DWORD a = GetFileAttributesW(path);
    FSC_CHECK(a != INVALID_FILE_ATTRIBUTES);
    fsc_obs_bool(name, (a & FILE_ATTRIBUTE_TEMPORARY) != 0);
}

static void probe(void)
{
    BY_HANDLE_FILE_INFORMATION info;
    HANDLE h = CreateFileW(L"t", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_TEMPORARY, NULL);
    if (fsc_obs_win32("create", h != INVALID_HANDLE_VALUE)) {
        stored("create_stored", L"t");
        FSC_CHECK(GetFileInformationByHandle(h, &info));
        fsc_obs_bool("handle_stored", (info.dwFileAttributes & FILE_ATTRIBUTE_TEMPORARY) != 0);
        FSC_CHECK(CloseHandle(h));
    }
    fsc_put("p", "data");
    fsc_obs_win32("set", SetFileAttributesW(L"p", FILE_ATTRIBUTE_TEMPORARY));
    stored("set_stored", L"p");
    fsc_obs_win32("clear", SetFileAttributesW(L"p", FILE_ATTRIBUTE_NORMAL));
    stored("clear_stored", L"p");
    FSC_OK(fsc_op_mkdir("d"));
    fsc_obs_win32("dir_set", SetFileAttributesW(L"d", FILE_ATTRIBUTE_TEMPORARY));
    stored("dir_stored", L"d");
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
