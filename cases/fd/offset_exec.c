/*
 * fd.offset_exec — a started program reading through an inherited descriptor or handle: where it starts, and the parent's offset after.
 *
 * Steps: create "f" holding "abcdef"; open it for reading, inheritable;
 * read 1 byte; start a helper (a new program: exec / CreateProcess) that
 * reads the rest through the inherited descriptor and reports it
 * ("bcdef": it starts at the parent's offset); the parent then reads and
 * reports what it gets ("empty": the child moved the parent's offset to
 * the end).
 *
 * Why: an inherited descriptor is the same open file description (Windows:
 * the same file object) in both processes, so the offset is shared: a
 * program that hands a half-read file to a child (a shell's `cmd <file`
 * with a `read` before, an installer passing a package stream, a build
 * tool passing a response file handle) sees the child's reads in its own
 * position. A descriptor a library keeps above the OS (a C runtime's
 * descriptor table) may not reach a child started with CreateProcess at
 * all.
 *
 * References: POSIX.1-2024 exec (descriptors without FD_CLOEXEC stay open
 * in the new image, on the same open file description), XBD 3 "Open File
 * Description"; CreateProcessW bInheritHandles and Microsoft Learn "Handle
 * Inheritance" (an inherited handle refers to the same object)
 * https://learn.microsoft.com/windows/win32/sysinfo/handle-inheritance
 */
#include "fsc.h"

#include <stdio.h>
#include <stdlib.h>

static int child(const char *arg)
{
    fsc_obs_read("child_reads", (fsc_fd)strtoll(arg, NULL, 10));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_fd fd;
    char buf[2], arg[32];
    size_t n;
    fsc_put("f", "abcdef");
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_ALL | FSC_INHERIT, &fd));
    FSC_OK(fsc_op_read(fd, buf, 1, &n));
    snprintf(arg, sizeof arg, "%lld", (long long)fd);
    fsc_helper *h = fsc_spawn("child", arg, FSC_SPAWN_EXEC);
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
    fsc_obs_read("parent_reads_after", fd);
    FSC_OK(fsc_op_close(fd));
}

FSC_PROBE_HELPERS(probe, {"child", child})
