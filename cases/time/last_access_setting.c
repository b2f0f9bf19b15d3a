/*
 * time.last_access_setting — the NtfsDisableLastAccessUpdate setting that decides whether NTFS stamps last-access times.
 *
 * Steps: open HKLM\SYSTEM\CurrentControlSet\Control\FileSystem for reading
 * and query its value NtfsDisableLastAccessUpdate; report the open's and
 * the query's results, and the value as a hexadecimal token (its type when
 * it is not a REG_DWORD). Nothing is changed.
 *
 * Why: whether a read updates a file's last access time on Windows is this
 * system setting, not a property of the file or the API (time.atime_on_read
 * observes the effect). Newer Windows may manage it itself, with updates
 * off on large volumes; tmpwatch-like cleaners, backup and HSM tools that
 * select files by last access then silently see creation-era times. Reporting the setting next to the observed
 * behaviour tells a reader which one a run had.
 *
 * References: Microsoft Learn, fsutil behavior (disablelastaccess: user or
 * system managed, last-access updates enabled or disabled); Microsoft
 * Storage blog "Disabling Last Access Time in Windows Vista to improve NTFS
 * performance" (the NtfsDisableLastAccessUpdate value under
 * HKLM\SYSTEM\CurrentControlSet\Control\FileSystem); GetFileTime
 * remarks; RegQueryValueExW.
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    HKEY key;
    DWORD type = 0, value = 0, size = sizeof value;
    LONG e = RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SYSTEM\\CurrentControlSet\\Control\\FileSystem",
                           0, KEY_QUERY_VALUE, &key);
    fsc_obs("open", "%s", e ? fsc_win32_error_name((unsigned long)e) : "ok");
    if (e) return;
    e = RegQueryValueExW(key, L"NtfsDisableLastAccessUpdate", NULL, &type, (BYTE *)&value, &size);
    fsc_obs("query", "%s", e ? fsc_win32_error_name((unsigned long)e) : "ok");
    if (!e && type == REG_DWORD)
        fsc_obs("value", "0x%08lx", (unsigned long)value);
    else if (!e)
        fsc_obs("value", "type_%lu", (unsigned long)type);
    RegCloseKey(key);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
