/*
 * open.create_new_existing_dir — CreateFileW CREATE_NEW (and OPEN_ALWAYS) on the name of an existing directory.
 *
 * Steps: make directory "d"; CreateFileW "d" without
 * FILE_FLAG_BACKUP_SEMANTICS, full sharing, with CREATE_NEW and
 * GENERIC_READ ("create_new.read"), CREATE_NEW and GENERIC_WRITE
 * ("create_new.write"), and for contrast OPEN_ALWAYS and GENERIC_READ
 * ("open_always.read"); report each (a handle that opens is closed at
 * once). Skips on POSIX.
 *
 * Why: "create this file unless it exists" is how lock files and
 * exclusive outputs are made. When the name is taken by a directory, a
 * caller that handles ERROR_FILE_EXISTS ("someone else holds the lock")
 * must also recognise the error Windows really gives, or it reports a
 * permission problem (or, treating "exists" as success, uses a directory
 * as its lock file).
 *
 * References: CreateFileW (CREATE_NEW: "fails ... if the specified file
 * exists"; directories need FILE_FLAG_BACKUP_SEMANTICS)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew;
 * Wine dlls/kernel32/tests/file.c test_CreateFile (dispositions on the temp
 * directory); POSIX.1-2024 open() (O_CREAT|O_EXCL: EEXIST), the
 * counterpart open.excl_existing
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
    FSC_OK(fsc_op_mkdir("d"));
    fsc_obs_win32_open("create_new.read", L"d", GENERIC_READ, FSC_WIN32_SHARE_ALL, CREATE_NEW, 0);
    fsc_obs_win32_open("create_new.write", L"d", GENERIC_WRITE, FSC_WIN32_SHARE_ALL, CREATE_NEW, 0);
    fsc_obs_win32_open("open_always.read", L"d", GENERIC_READ, FSC_WIN32_SHARE_ALL, OPEN_ALWAYS, 0);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
