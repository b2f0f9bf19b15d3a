/*
 * rename.replacefile — ReplaceFileW: plain, with a backup name, and while the replaced file is open.
 *
 * Steps: case "plain": "plain.old" holds "old", "plain.new" holds "new";
 * note both files' identities (volume serial + file index, through
 * fsc_op_stat = GetFileInformationByHandle); ReplaceFileW("plain.old",
 * "plain.new", no backup); report the result, what "plain.old" reads, whose
 * identity the name now has ("replaced", "replacement" or "other") and
 * whether "plain.new" is still there. Case "backup": the same with backup
 * name "backup.bak": also what the backup reads and whose identity it has.
 * Cases "open_crt" and "open_sd": the replaced file is open for reading with
 * share read|write (the C runtime's) or read|write|delete during the call;
 * report the result, what the name and the open handle read afterwards, and
 * whether the replacement file is still there. "plain" and "backup" pass
 * bare file names; the open cases pass ".\\name" (same files), so that a
 * failure with bare names (seen under Wine) does not hide the open-file
 * behaviour.
 *
 * Why: ReplaceFileW is Windows' documented way to swap a new version of a
 * document into place keeping the old one's attributes (.NET File.Replace,
 * Qt QSaveFile's fallback, editors). Whether it keeps the old file's
 * identity decides whether tools that track files by ID (backup, sync,
 * indexers) see an update or a delete+create, and its distinct error codes
 * when the old file is in use tell callers whether anything was moved.
 *
 * References: ReplaceFileW,
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-replacefilew;
 * Wine dlls/kernel32/tests/file.c test_ReplaceFileA, test_ReplaceFileW
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <stdio.h>

static fsc_stat old_st, new_st;

static void identity(const char *obs, const char *path)
{
    fsc_stat st;
    if (fsc_op_stat(path, &st)) fsc_obs(obs, "%s", "missing");
    else if (st.dev == old_st.dev && st.ino == old_st.ino) fsc_obs(obs, "%s", "replaced");
    else if (st.dev == new_st.dev && st.ino == new_st.ino) fsc_obs(obs, "%s", "replacement");
    else fsc_obs(obs, "%s", "other");
}

static void reads(const char *obs, const char *path)
{
    const char *s = fsc_get(path);
    fsc_obs(obs, "%s", s ? s : "unreadable");
}

static void one_case(const char *tag, const wchar_t *wold, const wchar_t *wnew,
                     const wchar_t *backup, DWORD share)
{
    char name[64], old[16], new_[16], buf[8];
    DWORD n = 0;
    HANDLE h = NULL;
    snprintf(old, sizeof old, "%s.old", tag);
    snprintf(new_, sizeof new_, "%s.new", tag);
    fsc_put(old, "old");
    fsc_put(new_, "new");
    FSC_OK(fsc_op_stat(old, &old_st));
    FSC_OK(fsc_op_stat(new_, &new_st));
    if (share) {
        h = CreateFileW(wold, GENERIC_READ, share, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
        FSC_CHECK(h != INVALID_HANDLE_VALUE);
    }
    snprintf(name, sizeof name, "%s.replace", tag);
    fsc_obs_win32(name, ReplaceFileW(wold, wnew, backup, 0, NULL, NULL));
    snprintf(name, sizeof name, "%s.name_reads", tag);
    reads(name, old);
    snprintf(name, sizeof name, "%s.name_is", tag);
    identity(name, old);
    snprintf(name, sizeof name, "%s.replacement_is", tag);
    identity(name, new_);
    if (backup) {
        reads("backup.backup_reads", "backup.bak");
        identity("backup.backup_is", "backup.bak");
    }
    if (h) {
        snprintf(name, sizeof name, "%s.handle_reads", tag);
        if (ReadFile(h, buf, sizeof buf, &n, NULL)) fsc_obs_bytes(name, buf, n);
        else fsc_obs(name, "%s", fsc_win32_error_name(GetLastError()));
        FSC_CHECK(CloseHandle(h));
    }
}

static void probe(void)
{
    one_case("plain", L"plain.old", L"plain.new", NULL, 0);
    one_case("backup", L"backup.old", L"backup.new", L"backup.bak", 0);
    /* ".\\" names: the same files; Windows resolves both forms alike. */
    one_case("open_crt", L".\\open_crt.old", L".\\open_crt.new", NULL,
             FILE_SHARE_READ | FILE_SHARE_WRITE);
    one_case("open_sd", L".\\open_sd.old", L".\\open_sd.new", NULL,
             FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
