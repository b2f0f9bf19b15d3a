/*
 * stdio.crt_fopen_sharing — whether a file the C runtime has open for writing can be opened again, by fopen, fopen_s and _fsopen.
 *
 * Steps: for each way of opening "f" for writing — fopen(f, "w"),
 * fopen_s(&fp, f, "w") and _fsopen(f, "w", _SH_DENYWR) — keep that stream
 * open and try a second fopen(f, "r") and then a second fopen(f, "w") of the
 * same file; report each second open (`ok` or the errno name), close what
 * opened. Windows only (the C runtime's share modes); skips elsewhere.
 *
 * Why: the C runtime opens with a share mode, and it differs by function:
 * fopen shares reading and writing, fopen_s (what MSVC's deprecation
 * warnings push code towards) shares nothing, _fsopen shares what it is
 * told. Code "made secure" by switching fopen to fopen_s suddenly makes its
 * log file unreadable by a tail or a second instance (EACCES), and a port
 * from POSIX, where every second open succeeds, never sees it coming.
 *
 * References: Microsoft Learn, fopen_s/_wfopen_s (Remarks: "Files opened by
 * fopen_s and _wfopen_s are not sharable"), _fsopen/_wfsopen (shflag:
 * _SH_DENYWR "Denies write access to the file", _SH_DENYNO), errno
 * constants (EACCES "may also indicate a locking or sharing violation").
 */
#include "fsc.h"

#ifdef _WIN32
#include <errno.h>
#include <share.h>
#include <stdio.h>

/* Try the two second opens while `first` (opened as `how`) holds the file. */
static void second_opens(const char *how, FILE *first)
{
    static const char *const modes[] = {"r", "w"};
    char name[64];
    FSC_CHECK(first != NULL);
    for (int i = 0; i < 2; i++) {
        errno = 0;
        FILE *again = fopen("f", modes[i]);
        snprintf(name, sizeof name, "%s.second_%s", how, i ? "write" : "read");
        fsc_obs(name, "%s", again ? "ok" : fsc_errno_name(errno));
        if (again) FSC_CHECK(fclose(again) == 0);
    }
    FSC_CHECK(fclose(first) == 0);
}

static void probe(void)
{
    FILE *f = NULL;
    fsc_put("f", "x");
    second_opens("fopen", fopen("f", "w"));
    errno_t e = fopen_s(&f, "f", "w");
    fsc_obs("fopen_s.open", "%s", e ? fsc_errno_name(e) : "ok");
    second_opens("fopen_s", f);
    second_opens("fsopen_denywr", _fsopen("f", "w", _SH_DENYWR));
}
#else
static void probe(void) { fsc_skip("no_crt_share_modes"); }
#endif

FSC_PROBE(probe)
