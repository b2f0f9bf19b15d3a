/*
 * time.after_2038 — modification times past 2038 and in the year 2300, read back.
 *
 * Steps: create "f"; set its times to 2^31 + 1000 s (2038-01-19T03:31:48Z,
 * just past the signed 32-bit limit) and report the call's result and
 * whether the modification time reads back exactly; then the same for
 * 10413792000 s (2300-01-01T00:00:00Z).
 *
 * Why: a file system, kernel or library that keeps seconds in 32 bits wraps
 * such times to 1901 or clamps them, and build tools and backup programs
 * then see files from the distant past (or refuse them). ext4 with 128-byte
 * inodes, ext3 and XFS before "bigtime" stop at 2038; ext4 with 256-byte
 * inodes reaches 2446, XFS bigtime 2486, tmpfs and btrfs 64-bit seconds;
 * NTFS reaches 30828; FAT stops at 2107.
 *
 * References: POSIX.1-2024 futimens()/utimensat(), <sys/types.h> (time_t);
 * Linux ext4 "Inode Timestamps" (kernel documentation, filesystems/ext4);
 * the utime functional test of libc-test (musl), which checks the first
 * timestamp past 2^31 for the same reason.
 */
#include "fsc.h"

static void try_time(const char *set_name, const char *exact_name, long long sec)
{
    fsc_time t = {sec, 0};
    fsc_stat st;
    fsc_obs_op(set_name, fsc_op_set_times("f", &t, &t));
    FSC_OK(fsc_op_stat("f", &st));
    fsc_obs_bool(exact_name, st.mtime.sec == t.sec && st.mtime.nsec == t.nsec);
}

static void probe(void)
{
    fsc_put("f", "data");
    try_time("y2038_set", "y2038_exact", 2147483648LL + 1000);
    try_time("y2300_set", "y2300_exact", 10413792000LL);
}

FSC_PROBE(probe)
