/*
 * time.btime — whether statx() reports a birth (creation) time, and whether it behaves as one.
 *
 * Steps: create "f"; statx it asking for STATX_BTIME and report the call
 * (statx) and whether the returned mask has STATX_BTIME (btime=available or
 * missing). If available: report whether the birth time is not after the
 * change time (btime_le_ctime); then write to the file, set its access and
 * modification times to 2001-09-09T01:46:40Z (before its birth), rename it,
 * statx it again and report the birth time as "unchanged", "follows_mtime"
 * (moved back to the modification time set) or "changed" (after_changes).
 *
 * Why: build tools, backup programs, file managers and Python's
 * os.stat().st_birthtime (3.12) read a creation time; on Linux it exists
 * only through statx and only where the file system keeps one (ext4 with
 * 256-byte inodes, XFS v5, btrfs, tmpfs since 5.x; FUSE and FAT-family
 * drivers often not). macOS and Windows move a creation time back when a
 * modification time before it is set; Linux never changes it from user
 * space. Code that falls back to ctime or mtime as "creation" gets it
 * wrong in different ways.
 *
 * References: Linux statx(2) (STATX_BTIME, stx_mask: "a filesystem may
 * also fill in fields that the caller didn't ask for ... and may not fill
 * in all the requested fields"); Python issue gh-83714 (st_birthtime via
 * statx); Win32 SetFileTime (lpCreationTime).
 */
#if defined(__linux__)
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#endif
#include "fsc.h"

#if defined(__linux__) && defined(STATX_BTIME)
static void probe(void)
{
    struct statx a, b;
    fsc_time past = {1000000000, 0};
    fsc_fd fd;
    size_t n;
    fsc_put("f", "data");
    if (fsc_obs_sys("statx", statx(AT_FDCWD, "f", 0, STATX_BTIME | STATX_CTIME, &a)) == -1) return;
    fsc_obs("btime", "%s", a.stx_mask & STATX_BTIME ? "available" : "missing");
    if (!(a.stx_mask & STATX_BTIME)) return;
    fsc_obs_bool("btime_le_ctime", a.stx_btime.tv_sec < a.stx_ctime.tv_sec ||
                                       (a.stx_btime.tv_sec == a.stx_ctime.tv_sec &&
                                        a.stx_btime.tv_nsec <= a.stx_ctime.tv_nsec));
    FSC_OK(fsc_op_open("f", FSC_WRITE | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_write(fd, "more", 4, &n));
    FSC_OK(fsc_op_close(fd));
    FSC_OK(fsc_op_set_times("f", &past, &past));
    FSC_OK(fsc_op_rename("f", "g"));
    FSC_CHECK(statx(AT_FDCWD, "g", 0, STATX_BTIME, &b) == 0 && (b.stx_mask & STATX_BTIME));
    fsc_obs("after_changes", "%s",
            b.stx_btime.tv_sec == a.stx_btime.tv_sec && b.stx_btime.tv_nsec == a.stx_btime.tv_nsec
                ? "unchanged"
            : b.stx_btime.tv_sec == past.sec && b.stx_btime.tv_nsec == 0 ? "follows_mtime"
                                                                          : "changed");
}
#else
static void probe(void) { fsc_skip("no_statx"); }
#endif

FSC_PROBE(probe)
