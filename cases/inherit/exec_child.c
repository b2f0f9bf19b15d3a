/*
 * inherit.exec_child — which open files a child started by exec (CreateProcess) can use.
 *
 * Steps: create "f"; open it three times: inheritable (FSC_INHERIT: on POSIX
 * no O_CLOEXEC), not inheritable (POSIX: O_CLOEXEC), and inheritable with
 * inheritance then switched off (fsc_op_set_inherit: POSIX fcntl F_SETFD
 * FD_CLOEXEC, Win32 SetHandleInformation). Start a helper (the probe re-run,
 * an exec on POSIX), passing each descriptor's number and the file's
 * identity; for each the helper reports `<case>.child_sees`: same_file when
 * the number is open on the same file (fstat identity), other_file when it is
 * open on something else, or the error fstat gave (EBADF: not open).
 *
 * Why: inheritance is how shells pass redirections and servers hand files to
 * workers, and how descriptors leak into children: a lock file or deleted
 * temporary file kept alive, a pipe that never reports EOF, a file another
 * platform will not let anyone rename while the child runs. O_CLOEXEC (set
 * atomically at open) and FD_CLOEXEC (set afterwards, racing with a fork in
 * another thread) are the two ways to stop it; the default keeps the file.
 *
 * References: POSIX.1-2024 exec ("File descriptors open in the calling
 * process image shall remain open in the new process image, except for those
 * whose close-on-exec flag FD_CLOEXEC is set"), open() (O_CLOEXEC), fcntl()
 * (F_SETFD); CreateProcessW (bInheritHandles), SetHandleInformation.
 */
#include "fsc.h"

#include <stdio.h>

static const char *const cases[] = {"inherited", "not_inherited", "switched_off"};

/* arg: "<fd> <fd> <fd> <dev> <ino>", one descriptor per case */
static int child(const char *arg)
{
    long long fd[3];
    unsigned long long dev, ino;
    fsc_stat st;
    FSC_CHECK(sscanf(arg, "%lld %lld %lld %llu %llu", &fd[0], &fd[1], &fd[2], &dev, &ino) == 5);
    for (int i = 0; i < 3; i++) {
        char name[32];
        int err = fsc_op_fstat((fsc_fd)fd[i], &st);
        snprintf(name, sizeof name, "%s.child_sees", cases[i]);
        fsc_obs(name, "%s",
                err                              ? fsc_op_errname(err)
                : st.dev == dev && st.ino == ino ? "same_file"
                                                 : "other_file");
    }
    fsc_send(NULL, "checked");
    return 0;
}

static void probe(void)
{
    fsc_fd fd[3];
    fsc_stat st;
    char arg[128];
    fsc_put("f", "x");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL | FSC_INHERIT, &fd[0]));
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL, &fd[1]));
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL | FSC_INHERIT, &fd[2]));
    fsc_obs_op("switch_off", fsc_op_set_inherit(fd[2], 0));
    FSC_OK(fsc_op_fstat(fd[0], &st));
    snprintf(arg, sizeof arg, "%lld %lld %lld %llu %llu", (long long)fd[0], (long long)fd[1],
             (long long)fd[2], st.dev, st.ino);
    fsc_helper *h = fsc_spawn("child", arg, FSC_SPAWN_EXEC);
    fsc_expect(h, "checked");
    FSC_CHECK(fsc_wait(h) == 0);
    for (int i = 0; i < 3; i++) FSC_OK(fsc_op_close(fd[i]));
}

FSC_PROBE_HELPERS(probe, {"child", child})
