/*
 * time.atime_on_read — whether reading a file updates its access time, once and again.
 *
 * Steps: create "f"; set its access and modification times to
 * 2001-09-09T01:46:40Z (the change time stays "now", later than both);
 * open it for reading, read it, close it; read the access time and report
 * "updated" (no longer the value set) or "unchanged" (first_read); then
 * read it again the same way and report whether the access time moved
 * from what the first stat showed (second_read). Only classes are
 * reported, never the clock.
 *
 * Why: what a read does to the access time depends on the mount's options
 * (Linux default relatime: updated only when the access time is older than
 * the modification or change time, or a day old — so the first read here
 * updates and the second does not; strictatime: every read; noatime:
 * never), on the file system (FUSE daemons keep their own), and on Windows
 * on a volume setting (off by default on NTFS since Vista). Mail readers
 * ("new mail since last read"), tmpreaper/tmpwatch, backup tools that pick
 * files by last use, and HSM/archiving tiers rely on it.
 *
 * References: Linux mount(8) (atime, noatime, relatime, strictatime);
 * POSIX.1-2024 XBD 4.12 "File Times Update" (read() marks st_atime for
 * update); Win32 GetFileTime remarks and "File Times" (NTFS delays or
 * disables last-access updates); fsutil behavior disablelastaccess.
 */
#include "fsc.h"

static void read_all(void)
{
    char buf[16];
    size_t n;
    fsc_fd fd;
    FSC_OK(fsc_op_open("f", FSC_READ | FSC_SHARE_CRT, &fd));
    FSC_OK(fsc_op_read(fd, buf, sizeof buf, &n));
    FSC_CHECK(n == 4);
    FSC_OK(fsc_op_close(fd));
}

static int same(fsc_time a, fsc_time b) { return a.sec == b.sec && a.nsec == b.nsec; }

static void probe(void)
{
    fsc_time past = {1000000000, 0};
    fsc_stat set, first, second;
    fsc_put("f", "data");
    FSC_OK(fsc_op_set_times("f", &past, &past));
    FSC_OK(fsc_op_stat("f", &set));
    read_all();
    FSC_OK(fsc_op_stat("f", &first));
    fsc_obs("first_read", "%s", same(first.atime, set.atime) ? "unchanged" : "updated");
    read_all();
    FSC_OK(fsc_op_stat("f", &second));
    fsc_obs("second_read", "%s", same(second.atime, first.atime) ? "unchanged" : "updated");
}

FSC_PROBE(probe)
