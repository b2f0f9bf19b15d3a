/*
 * stdio.crt_sopen_share — which second _open succeeds against a file held by _sopen / _sopen_s with each share flag.
 *
 * Steps: for each of _sopen and _sopen_s and each share flag _SH_DENYRW,
 * _SH_DENYWR, _SH_DENYRD, _SH_DENYNO, open "f" _O_RDWR with that flag, then,
 * while it is open, try _open(f, _O_RDONLY) and _open(f, _O_WRONLY); report
 * each (`ok` or the errno name, e.g. `<fn>.denywr.write=EACCES`) and close
 * what opened. Windows only; skips elsewhere.
 *
 * Why: the share flag is the only file locking most C code on Windows ever
 * uses, and its refusal surfaces as a plain EACCES ("Permission denied"),
 * the same errno as a permission problem: ports from POSIX misreport it as
 * a permissions bug, and emulators or runtimes that ignore the flag let a
 * second writer corrupt a file the first one meant to own.
 *
 * References: Microsoft Learn, _sopen/_wsopen and _sopen_s/_wsopen_s
 * (shflag: _SH_DENYRW "Denies read and write access to a file", _SH_DENYWR
 * "Denies write access", _SH_DENYRD "Denies read access", _SH_DENYNO
 * "Permits read and write access"), errno constants (EACCES "may also
 * indicate a locking or sharing violation"); CreateFileW dwShareMode.
 */
#include "fsc.h"

#ifdef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <share.h>
#include <stdio.h>
#include <sys/stat.h>

static const struct {
    const char *name;
    int flag;
} shares[] = {{"denyrw", _SH_DENYRW}, {"denywr", _SH_DENYWR},
              {"denyrd", _SH_DENYRD}, {"denyno", _SH_DENYNO}};

static void probe(void)
{
    fsc_put("f", "x");
    for (int secure = 0; secure < 2; secure++)
        for (int i = 0; i < 4; i++) {
            const char *fn = secure ? "sopen_s" : "sopen";
            int first = -1;
            char name[64];
            if (secure)
                FSC_CHECK(_sopen_s(&first, "f", _O_RDWR | _O_BINARY, shares[i].flag,
                                   _S_IREAD | _S_IWRITE) == 0);
            else
                FSC_CHECK((first = _sopen("f", _O_RDWR | _O_BINARY, shares[i].flag)) != -1);
            for (int w = 0; w < 2; w++) {
                snprintf(name, sizeof name, "%s.%s.%s", fn, shares[i].name, w ? "write" : "read");
                int again = (int)fsc_obs_sys(name, _open("f", (w ? _O_WRONLY : _O_RDONLY) | _O_BINARY));
                if (again != -1) FSC_CHECK(_close(again) == 0);
            }
            FSC_CHECK(_close(first) == 0);
        }
}
#else
static void probe(void) { fsc_skip("no_crt_share_modes"); }
#endif

FSC_PROBE(probe)
