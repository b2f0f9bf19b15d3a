/*
 * fsc_win32.c — the probe runtime's platform part for Win32 (Windows, and
 * Wine running a mingw-w64 build): processes (CreateProcessW of the
 * program's own path), named pipes with overlapped-I/O deadlines, helpers
 * held in a kill-on-close job object, and fault-guarded memory access.
 *
 * A helper is this executable re-run as `--fsc-role ROLE ARG`. Its channel
 * is two pipes, one per direction, created by the probe as named pipes with
 * FILE_FLAG_OVERLAPPED (anonymous pipes cannot do overlapped I/O, and a read
 * with a deadline needs it); the helper's ends are opened inheritable, every
 * other end is not, and their handle values travel in FSC_CHANNEL ("rd,wr",
 * decimal). Every end is overlapped, so the helper waits with deadlines too.
 * Each helper is assigned to the probe's job object
 * (JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE) while still suspended: when the probe
 * ends or is killed its last job handle closes and the helpers die with it.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "fsc_plat.h"
#include "fsc_win32.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHAN_ENV L"FSC_CHANNEL"
#define CHAN_ENV_A "FSC_CHANNEL"

static wchar_t self_path[32768];
static HANDLE job;   /* helpers of this process; created with the first one */

void fsc_plat_init(const char *argv0)
{
    (void)argv0;
    DWORD n = GetModuleFileNameW(NULL, self_path, sizeof self_path / sizeof self_path[0]);
    if (n == 0 || n >= sizeof self_path / sizeof self_path[0]) self_path[0] = 0;
    /* No dialog boxes for a crash or a missing medium: a probe that faults
     * must end, not wait for a click. */
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
    /* Observations are bytes ("\n", never "\r\n"); the CRT's stdout is used
     * by nothing else, but keep it binary for messages printed through it. */
    _setmode(_fileno(stdout), _O_BINARY);
    setvbuf(stdout, NULL, _IONBF, 0);
}

void fsc_plat_describe(void)
{
    /* Wine's ntdll exports wine_get_version (Wine's own documented way for a
     * program to tell that it runs on Wine); Windows' ntdll does not. */
    typedef const char *(__cdecl *wine_version_fn)(void);
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    FARPROC p = ntdll ? GetProcAddress(ntdll, "wine_get_version") : NULL;
    wine_version_fn version = NULL;
    memcpy(&version, &p, sizeof version);   /* function pointer cast, warning-free */
    fsc_obs("os", "windows");
    fsc_obs("wine", "%s", version ? version() : "none");
}

int fsc_plat_cwd_empty(void)
{
    WIN32_FIND_DATAW e;
    HANDLE d = FindFirstFileW(L"*", &e);
    int empty = 1;
    if (d == INVALID_HANDLE_VALUE) return GetLastError() == ERROR_FILE_NOT_FOUND ? 1 : -1;
    do
        if (wcscmp(e.cFileName, L".") && wcscmp(e.cFileName, L"..")) empty = 0;
    while (FindNextFileW(d, &e));
    FindClose(d);
    return empty;
}

void fsc_plat_stdout(const char *buf, size_t n)
{
    /* One WriteFile per observation (lines are short): a probe's and its
     * helpers' lines never interleave, and nothing waits in a CRT buffer when
     * a process is terminated. */
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    while (n) {
        DWORD w = 0;
        if (!WriteFile(out, buf, (DWORD)n, &w, NULL) || w == 0) ExitProcess(FSC_EXIT_BROKEN);
        buf += w;
        n -= w;
    }
}

const char *fsc_plat_last_error(void) { return fsc_win32_error_name(GetLastError()); }

void fsc_plat_clear_error(void)
{
    errno = 0;   /* the C runtime's calls set errno, not GetLastError */
    SetLastError(0);
}

long long fsc_plat_now_ms(void) { return (long long)GetTickCount64(); }

long long fsc_plat_stamp_clock_ns(void)
{
    FILETIME f;   /* 100 ns since 1601; 11644473600 s to 1970 */
    GetSystemTimeAsFileTime(&f);
    long long ticks = (long long)(((unsigned long long)f.dwHighDateTime << 32) | f.dwLowDateTime);
    return (ticks - 116444736000000000LL) * 100 - 20000000LL;
}

void fsc_plat_pause(void) { Sleep(1); }

int fsc_obs_win32(const char *name, int ok)
{
    fsc_obs(name, "%s", ok ? "ok" : fsc_win32_error_name(GetLastError()));
    return ok;
}

int fsc_obs_win32_open(const char *name, const wchar_t *path, unsigned long access,
                       unsigned long share, unsigned long disposition, unsigned long flags)
{
    HANDLE h = CreateFileW(path, access, share, NULL, disposition, flags, NULL);
    int ok = fsc_obs_win32(name, h != INVALID_HANDLE_VALUE);
    if (ok) CloseHandle(h);
    return ok;
}

void *fsc_win32_open_rw(const wchar_t *path)
{
    return CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                       NULL, OPEN_EXISTING, 0, NULL);
}

/* ------------------------------------------------------------ helpers ---- */

/* Append `arg` to the command line `cmd` quoted the way the C runtime's
 * argv parser (and CommandLineToArgvW) reads it back. */
static int append_arg(wchar_t *cmd, size_t cap, const wchar_t *arg)
{
    size_t k = wcslen(cmd);
    if (k && k + 1 < cap) cmd[k++] = L' ';
    if (k + 1 >= cap) return -1;
    cmd[k++] = L'"';
    for (const wchar_t *p = arg;; p++) {
        size_t bs = 0;
        while (*p == L'\\') p++, bs++;
        /* Backslashes are literal unless they precede a quote (or the
         * closing quote): then double them. */
        size_t copies = (*p == L'"' || *p == 0) ? 2 * bs : bs;
        if (k + copies + 3 >= cap) return -1;
        for (size_t i = 0; i < copies; i++) cmd[k++] = L'\\';
        if (*p == 0) break;
        if (*p == L'"') cmd[k++] = L'\\';
        cmd[k++] = *p;
    }
    cmd[k++] = L'"';
    cmd[k] = 0;
    return 0;
}

static int utf16(const char *s, wchar_t *out, int cap)
{
    return MultiByteToWideChar(CP_UTF8, 0, s, -1, out, cap) > 0 ? 0 : -1;
}

/* One direction of the channel: a named pipe whose server end (the probe's)
 * is overlapped and not inherited, and whose client end (the helper's) is
 * overlapped and inherited. `inbound`: the probe reads from it. */
static DWORD make_pipe(int inbound, HANDLE *mine, HANDLE *theirs)
{
    static LONG serial;
    wchar_t name[128];
    SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
    swprintf(name, sizeof name / sizeof name[0], L"\\\\.\\pipe\\fsconform-%lu-%ld-%llu",
             GetCurrentProcessId(), InterlockedIncrement(&serial),
             (unsigned long long)GetTickCount64());
    *mine = CreateNamedPipeW(name,
                             (inbound ? PIPE_ACCESS_INBOUND : PIPE_ACCESS_OUTBOUND) |
                                 FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
                             PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT |
                                 PIPE_REJECT_REMOTE_CLIENTS,
                             1, 4096, 4096, 0, NULL);
    if (*mine == INVALID_HANDLE_VALUE) return GetLastError();
    *theirs = CreateFileW(name, inbound ? GENERIC_WRITE : GENERIC_READ, 0, &inherit,
                          OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (*theirs == INVALID_HANDLE_VALUE) {
        DWORD e = GetLastError();
        CloseHandle(*mine);
        return e;
    }
    /* The client is connected by CreateFileW; ConnectNamedPipe confirms it. */
    return 0;
}

static DWORD make_job(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION lim;
    if (job) return 0;
    job = CreateJobObjectW(NULL, NULL);
    if (!job) return GetLastError();
    memset(&lim, 0, sizeof lim);
    lim.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    if (!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &lim, sizeof lim)) {
        DWORD e = GetLastError();
        CloseHandle(job);
        job = NULL;
        return e;
    }
    /* Not inherited: the job's last handle is the probe's. */
    return 0;
}

int fsc_plat_spawn(fsc_helper *h, const char *role, const char *arg, int how,
                   const char *dir)
{
    HANDLE down_mine, down_theirs, up_mine, up_theirs;   /* probe->helper, helper->probe */
    static wchar_t cmd[32768];
    static wchar_t wdir[32768];
    wchar_t wrole[256], warg[1024], env[64];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD e;

    if (how == FSC_SPAWN_FORK) return ERROR_NOT_SUPPORTED;   /* no fork on Windows */
    if (!self_path[0]) return ERROR_INVALID_FUNCTION;
    if (utf16(role, wrole, 256) || utf16(arg, warg, 1024) || (dir && utf16(dir, wdir, 32768)))
        return ERROR_NO_UNICODE_TRANSLATION;
    cmd[0] = 0;
    if (append_arg(cmd, 32768, self_path) || append_arg(cmd, 32768, L"--fsc-role") ||
        append_arg(cmd, 32768, wrole) || append_arg(cmd, 32768, warg))
        return ERROR_FILENAME_EXCED_RANGE;
    if ((e = make_job())) return e;
    if ((e = make_pipe(0, &down_mine, &down_theirs))) return e;
    if ((e = make_pipe(1, &up_mine, &up_theirs))) {
        CloseHandle(down_mine), CloseHandle(down_theirs);
        return e;
    }

    /* The helper shares the probe's stdout and stderr; with
     * STARTF_USESTDHANDLES they must be inheritable handles. */
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    SetHandleInformation(si.hStdOutput, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    SetHandleInformation(si.hStdError, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    if (si.hStdInput)
        SetHandleInformation(si.hStdInput, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);

    swprintf(env, 64, L"%llu,%llu", (unsigned long long)(uintptr_t)down_theirs,
             (unsigned long long)(uintptr_t)up_theirs);
    /* Probes are single-threaded: the variable is set only around the call. */
    SetEnvironmentVariableW(CHAN_ENV, env);
    BOOL ok = CreateProcessW(self_path, cmd, NULL, NULL, TRUE, CREATE_SUSPENDED, NULL,
                             dir ? wdir : NULL, &si, &pi);
    e = ok ? 0 : GetLastError();
    SetEnvironmentVariableW(CHAN_ENV, NULL);
    /* The helper's ends now live in the helper only: its exit is our EOF. */
    CloseHandle(down_theirs);
    CloseHandle(up_theirs);
    if (!ok) {
        CloseHandle(down_mine), CloseHandle(up_mine);
        return e;
    }
    if (!AssignProcessToJobObject(job, pi.hProcess)) {
        e = GetLastError();
        TerminateProcess(pi.hProcess, FSC_EXIT_BROKEN);
        CloseHandle(pi.hThread), CloseHandle(pi.hProcess);
        CloseHandle(down_mine), CloseHandle(up_mine);
        return e;
    }
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);
    h->rd = (intptr_t)up_mine;
    h->wr = (intptr_t)down_mine;
    h->proc = (intptr_t)pi.hProcess;
    return 0;
}

int fsc_plat_parent(fsc_helper *h)
{
    char env[64];
    unsigned long long rd, wr;
    DWORD n = GetEnvironmentVariableA(CHAN_ENV_A, env, sizeof env);
    if (n == 0 || n >= sizeof env || sscanf(env, "%llu,%llu", &rd, &wr) != 2) return -1;
    SetEnvironmentVariableW(CHAN_ENV, NULL);
    _putenv(CHAN_ENV_A "=");   /* the CRT's copy too */
    /* Not inherited by anything this helper starts. */
    if (!SetHandleInformation((HANDLE)(uintptr_t)rd, HANDLE_FLAG_INHERIT, 0) ||
        !SetHandleInformation((HANDLE)(uintptr_t)wr, HANDLE_FLAG_INHERIT, 0))
        return -1;
    h->rd = (intptr_t)rd;
    h->wr = (intptr_t)wr;
    return 0;
}

/* Overlapped I/O on a channel end: start it, wait at most `timeout_ms`
 * (INFINITE for writes), cancel on the deadline. 1 done (*n set), -1
 * deadline, -2 error (GetLastError), 0 end of file. */
static int overlapped(HANDLE f, int write, void *buf, DWORD len, DWORD *n, DWORD timeout_ms)
{
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!ov.hEvent) return -2;
    BOOL ok = write ? WriteFile(f, buf, len, NULL, &ov) : ReadFile(f, buf, len, NULL, &ov);
    DWORD e = ok ? 0 : GetLastError();
    int r;
    if (e == ERROR_IO_PENDING &&
        WaitForSingleObject(ov.hEvent, timeout_ms) == WAIT_TIMEOUT) {
        CancelIoEx(f, &ov);
        /* The cancel may lose against completion: take whichever won. */
        if (GetOverlappedResult(f, &ov, n, TRUE))
            r = *n ? 1 : 0;
        else
            r = GetLastError() == ERROR_OPERATION_ABORTED ? -1 : -2;
    } else if (e == 0 || e == ERROR_IO_PENDING) {
        r = GetOverlappedResult(f, &ov, n, TRUE) ? (*n ? 1 : 0) : -2;
    } else {
        SetLastError(e);
        r = -2;
    }
    if (r == -2) {
        e = GetLastError();
        if (e == ERROR_BROKEN_PIPE || e == ERROR_PIPE_NOT_CONNECTED || e == ERROR_NO_DATA)
            r = 0;   /* the other side closed its end */
    }
    e = GetLastError();
    CloseHandle(ov.hEvent);
    SetLastError(e);
    return r;
}

int fsc_plat_read_byte(intptr_t rd, char *c, int timeout_ms)
{
    DWORD n = 0;
    return overlapped((HANDLE)rd, 0, c, 1, &n, (DWORD)(timeout_ms < 0 ? 0 : timeout_ms));
}

int fsc_plat_write(intptr_t wr, const char *buf, size_t len)
{
    while (len) {
        DWORD n = 0;
        if (overlapped((HANDLE)wr, 1, (void *)buf, (DWORD)len, &n, INFINITE) != 1) return -1;
        buf += n;
        len -= n;
    }
    return 0;
}

void fsc_plat_reap(fsc_helper *h)
{
    HANDLE p = (HANDLE)h->proc;
    DWORD code = (DWORD)-1;
    /* After EOF on its channel the helper is ending; a bounded wait all the
     * same, then terminate. */
    if (WaitForSingleObject(p, (DWORD)fsc_deadline_ms()) == WAIT_TIMEOUT) {
        TerminateProcess(p, FSC_EXIT_BROKEN);
        WaitForSingleObject(p, 1000);
    }
    h->status = GetExitCodeProcess(p, &code) ? (int)code : -1;
    h->done = 1;
    CloseHandle(p);
    CloseHandle((HANDLE)h->rd);
    CloseHandle((HANDLE)h->wr);
}

void fsc_plat_kill(fsc_helper *h) { TerminateProcess((HANDLE)h->proc, FSC_EXIT_BROKEN); }

int fsc_plat_reexec(const fsc_helper *to_probe, const char *role, const char *arg)
{
    /* No exec on Windows: probes that need it skip there. */
    (void)to_probe, (void)role, (void)arg;
    return ERROR_NOT_SUPPORTED;
}

/* ------------------------------------------------- guarded memory access -- */

static const char *fault_name(DWORD code)
{
    return code == EXCEPTION_IN_PAGE_ERROR ? "EXCEPTION_IN_PAGE_ERROR"
                                           : "EXCEPTION_ACCESS_VIOLATION";
}

#ifdef _MSC_VER
/* MSVC has structured exception handling in the language. */
static int is_fault(DWORD code)
{
    return code == EXCEPTION_ACCESS_VIOLATION || code == EXCEPTION_IN_PAGE_ERROR
               ? EXCEPTION_EXECUTE_HANDLER
               : EXCEPTION_CONTINUE_SEARCH;
}

static const char *guarded(volatile char *p, char *out, int write, char value)
{
    __try {
        if (write)
            *p = value;
        else
            *out = *p;
    } __except (is_fault(GetExceptionCode())) {
        return fault_name(GetExceptionCode());
    }
    return "ok";
}
#else
/*
 * GCC has no __try: a vectored exception handler catches the access violation
 * or in-page error of the one guarded access and jumps back to the guard with
 * __builtin_longjmp (restores the frame, stack and instruction pointers, no
 * unwinding). Only a fault while this thread is inside the guard is taken;
 * any other goes on to the normal handlers (the probe crashes, and the
 * harness says so).
 */
static FSC_THREAD_LOCAL void *fault_jump[5];
static FSC_THREAD_LOCAL volatile int guarding;
static FSC_THREAD_LOCAL volatile DWORD fault_code;

static LONG CALLBACK on_fault(EXCEPTION_POINTERS *x)
{
    DWORD code = x->ExceptionRecord->ExceptionCode;
    if (!guarding || (code != EXCEPTION_ACCESS_VIOLATION && code != EXCEPTION_IN_PAGE_ERROR))
        return EXCEPTION_CONTINUE_SEARCH;
    guarding = 0;
    fault_code = code;
    __builtin_longjmp(fault_jump, 1);
}

static __attribute__((noinline)) const char *guarded(volatile char *p, char *out, int write,
                                                     char value)
{
    static PVOID handler;
    if (!handler) handler = AddVectoredExceptionHandler(1, on_fault);
    if (__builtin_setjmp(fault_jump) == 0) {
        guarding = 1;
        if (write)
            *p = value;
        else
            *out = *p;
        guarding = 0;
        return "ok";
    }
    return fault_name(fault_code);
}
#endif

const char *fsc_mem_read(const volatile char *p, char *out)
{
    return guarded((volatile char *)p, out, 0, 0);
}

const char *fsc_mem_write(volatile char *p, char value) { return guarded(p, NULL, 1, value); }
