/*
 * time.filetime_zero — what SetFileTime with a zero FILETIME {0,0} does to each time.
 *
 * Steps: create "f"; set its access and modification times to
 * 2001-09-09T01:46:40Z and wait until the clock has passed its times
 * (fsc_times_setup); open it with FILE_WRITE_ATTRIBUTES and call SetFileTime
 * with {0,0} for the creation, access and write times; close it; report
 * the call's result and each time "changed" or "unchanged".
 *
 * Why: Microsoft documents a zero FILETIME as "leave this time alone", the
 * same as NULL; code ported from POSIX (and language runtimes filling a
 * FILE_BASIC_INFO from an unset time value, e.g. 1601-01-01 as 0) passes
 * zeros and expects either "unchanged" or an epoch time. A layer that
 * stores 1601 instead, or marks the change time for a call that set
 * nothing, breaks sync tools comparing times.
 *
 * References: Microsoft Learn, SetFileTime (each time: "If the
 * application does not need to change this information, set this
 * parameter either to NULL or to a pointer to a FILETIME structure that
 * has both the dwLowDateTime and dwHighDateTime members set to 0").
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

static void probe(void)
{
    const char *f = "f";
    FILETIME zero = {0, 0};
    fsc_stat before;
    fsc_put("f", "data");
    fsc_times_setup(1, &f, &before);
    HANDLE h = CreateFileW(L"f", FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, OPEN_EXISTING, 0, NULL);
    FSC_CHECK(h != INVALID_HANDLE_VALUE);
    fsc_obs_win32("set", SetFileTime(h, &zero, &zero, &zero));
    FSC_CHECK(CloseHandle(h));
    fsc_obs_times("", "f", &before);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
