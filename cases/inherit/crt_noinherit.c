/*
 * inherit.crt_noinherit — which C runtime file descriptors a child started by _spawnl can use: plain _open, _O_NOINHERIT, fopen "N".
 *
 * Steps: create "f"; open it three times: _open(_O_RDONLY) (`open`),
 * _open(_O_RDONLY | _O_NOINHERIT) (`open_noinherit`) and fopen("rbN")
 * (`fopen_n`, its fileno). Start this program again with _spawnl(_P_NOWAIT)
 * (not the runtime's fsc_spawn: the behaviour under test is how the C
 * runtime hands its descriptor table to a child, in STARTUPINFO.lpReserved2),
 * passing the three descriptor numbers and the file's identity (volume
 * serial and file index); wait for it with a deadline. The child checks each
 * number with _get_osfhandle and GetFileInformationByHandle before it opens
 * anything and writes one verdict per descriptor to "child.txt": same_file,
 * other_file, or the errno / Win32 error name (EBADF: not open). The probe
 * reports them as `<case>.child_sees`. Windows only; skips elsewhere.
 *
 * Why: on Windows a child started by the C runtime inherits its parent's
 * descriptors unless each was opened _O_NOINHERIT ("N" for fopen) — the
 * equivalent of forgetting O_CLOEXEC. A leaked descriptor keeps the file
 * open in the child, and on Windows an open file cannot be renamed or
 * deleted: a build tool's spawned compiler holding a log file makes the next
 * step fail with "being used by another process".
 *
 * References: Microsoft Learn, _spawn/_wspawn functions ("Files that are open
 * when a _spawn call is made remain open in the new process"), _open/_wopen
 * (_O_NOINHERIT "Prevents creation of a shared file descriptor"), fopen
 * ("N: Specifies that the file isn't inherited by child processes");
 * Wine dlls/msvcrt/tests/file.c test_file_inherit (the child writes to an
 * inherited descriptor; to an _O_NOINHERIT one it gets -1 with EBADF).
 */
#include "fsc.h"

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_win32.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const cases[] = {"open", "open_noinherit", "fopen_n"};

/* The child, started by _spawnl as a role without the runtime's channel:
 * "fd,fd,fd,volume,indexhigh,indexlow". Nothing may take a descriptor
 * before the checks, so it reports through a file written afterwards. */
static int crt_child(const char *arg)
{
    int fd[3];
    unsigned long vol, hi, lo;
    char verdict[3][64];
    if (sscanf(arg, "%d,%d,%d,%lu,%lu,%lu", &fd[0], &fd[1], &fd[2], &vol, &hi, &lo) != 6)
        return FSC_EXIT_BROKEN;
    for (int i = 0; i < 3; i++) {
        BY_HANDLE_FILE_INFORMATION info;
        errno = 0;
        intptr_t h = _get_osfhandle(fd[i]);
        if (h == -1)
            snprintf(verdict[i], sizeof verdict[i], "%s", fsc_errno_name(errno));
        else if (!GetFileInformationByHandle((HANDLE)h, &info))
            snprintf(verdict[i], sizeof verdict[i], "%s", fsc_win32_error_name(GetLastError()));
        else
            snprintf(verdict[i], sizeof verdict[i], "%s",
                     info.dwVolumeSerialNumber == vol && info.nFileIndexHigh == hi &&
                             info.nFileIndexLow == lo
                         ? "same_file"
                         : "other_file");
    }
    FILE *out = fopen("child.txt", "wb");
    if (!out) return FSC_EXIT_BROKEN;
    fprintf(out, "%s %s %s\n", verdict[0], verdict[1], verdict[2]);
    return fclose(out) == 0 ? 0 : FSC_EXIT_BROKEN;
}

static void probe(void)
{
    int fd[3];
    char self[MAX_PATH], argv0[MAX_PATH + 2], arg[128], seen[3][64];
    BY_HANDLE_FILE_INFORMATION info;
    DWORD code;
    fsc_put("f", "x");
    FSC_CHECK((fd[0] = _open("f", _O_RDONLY | _O_BINARY)) != -1);
    FSC_CHECK((fd[1] = _open("f", _O_RDONLY | _O_BINARY | _O_NOINHERIT)) != -1);
    FILE *fn = fopen("f", "rbN");
    FSC_CHECK(fn != NULL);
    fd[2] = _fileno(fn);
    FSC_CHECK(GetFileInformationByHandle((HANDLE)_get_osfhandle(fd[0]), &info));
    snprintf(arg, sizeof arg, "%d,%d,%d,%lu,%lu,%lu", fd[0], fd[1], fd[2],
             info.dwVolumeSerialNumber, info.nFileIndexHigh, info.nFileIndexLow);
    DWORD n = GetModuleFileNameA(NULL, self, sizeof self);
    FSC_CHECK(n > 0 && n < sizeof self);
    /* _spawnl joins its arguments with blanks, unquoted */
    snprintf(argv0, sizeof argv0, "\"%s\"", self);
    intptr_t proc = _spawnl(_P_NOWAIT, self, argv0, "--fsc-role", "crt_child", arg,
                           (char *)NULL);
    fsc_obs_sys("spawn", proc == -1 ? -1 : 0);
    if (proc == -1) return;
    if (WaitForSingleObject((HANDLE)proc, (DWORD)fsc_deadline_ms()) != WAIT_OBJECT_0) {
        TerminateProcess((HANDLE)proc, FSC_EXIT_BROKEN);
        fsc_fail("the _spawnl child did not end within %d ms", fsc_deadline_ms());
    }
    FSC_CHECK(GetExitCodeProcess((HANDLE)proc, &code) && code == 0);
    CloseHandle((HANDLE)proc);
    const char *report = fsc_get("child.txt");
    FSC_CHECK(report && sscanf(report, "%63s %63s %63s", seen[0], seen[1], seen[2]) == 3);
    for (int i = 0; i < 3; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s.child_sees", cases[i]);
        fsc_obs(name, "%s", seen[i]);
    }
    FSC_CHECK(fclose(fn) == 0 && _close(fd[0]) == 0 && _close(fd[1]) == 0);
}

FSC_PROBE_HELPERS(probe, {"crt_child", crt_child})
#else
static void probe(void) { fsc_skip("no_crt_spawn"); }
FSC_PROBE(probe)
#endif
