"""fsmatrix without root or mounts: arguments, recipes, refusals, the clean-up stack,
signal holding, the watchdog, and telling FUSE filesystems apart from mountinfo text."""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import unittest
from unittest import mock

from harness import HarnessError, cli, facts, fsmatrix, fsrecipes, fssetup, profiles as profmod
from harness.cli import _parser
from harness.tests.fakes import PASS, FakeBuild

# /proc/self/mountinfo lines as seen on Debian 12 / Linux 6.18 with fsmatrix's mounts.
MOUNTINFO = r"""22 1 254:0 / / rw,relatime - ext4 /dev/vda rw
42 22 7:0 / /tmp/m/ext4 rw,relatime - ext4 /dev/loop0 rw
44 22 7:4 / /tmp/m/ntfs rw,relatime - fuseblk /dev/loop4 rw,user_id=0,group_id=0,allow_other,blksize=4096
46 22 0:42 / /tmp/m/fat rw,nosuid,nodev,relatime - fuse.fusefat fusefat rw,user_id=0,group_id=0
52 22 7:3 / /tmp/m/exfat rw,nosuid,nodev,relatime - fuseblk /dev/loop3 rw,user_id=0,group_id=0,default_permissions,allow_other,blksize=4096
53 22 0:45 / /tmp/m/sshfs rw - fuse.sshfs me@host:/x rw,user_id=0,group_id=0
54 22 0:46 / /tmp/m/unknown rw - fuseblk /dev/loop9 rw,user_id=0,group_id=0
55 22 0:47 / /tmp/m/over rw - fuseblk /dev/loop4 rw
56 55 0:48 / /tmp/m/over rw - tmpfs fsc rw
57 22 0:49 / /tmp/m/with\040space rw - fuse /tmp/img\040file rw
58 22 0:50 / /tmp/m/webdav rw,nosuid,nodev,relatime - fuse http://127.0.0.1:36743/ rw,user_id=0,group_id=0,allow_other,max_read=61440
"""


def boot_sector(oem=b"", at=3, tag_at=None, tag=b""):
    b = bytearray(4096)
    b[at:at + len(oem)] = oem
    if tag_at is not None:
        b[tag_at:tag_at + len(tag)] = tag
    b[510:512] = b"\x55\xaa"
    return bytes(b)


HEADS = {"/dev/loop4": boot_sector(b"NTFS    "), "/dev/loop3": boot_sector(b"EXFAT   "),
         "/tmp/img file": boot_sector(b"NTFS    ")}


class FuseFacts(unittest.TestCase):
    def setUp(self):
        d = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: (os.unlink(self.mi), os.rmdir(d)))
        self.mi = os.path.join(d, "mountinfo")
        with open(self.mi, "w") as f:
            f.write(MOUNTINFO)

    def types(self, path):
        return facts.linux_fs_types(path, self.mi, read_head=lambda s: HEADS.get(s, b""))

    def test_kernel_filesystems_unchanged(self):
        self.assertEqual(self.types("/tmp/m/ext4/x"), ("ext4", "ext4"))
        self.assertEqual(self.types("/etc"), ("ext4", "ext4"))

    def test_subtype_names_the_daemon(self):
        self.assertEqual(self.types("/tmp/m/fat/a/b"), ("fusefat", "fuse.fusefat"))
        self.assertEqual(self.types("/tmp/m/sshfs"), ("sshfs", "fuse.sshfs"))

    def test_subtype_of_a_kernel_filesystem_names_the_fuse_driver(self):
        self.assertEqual(facts.fuse_fs_name("fuse.ext4", "img"), "fuse2fs")   # not kernel ext4
        self.assertEqual(facts.fuse_fs_name("fuse.ext2", "img"), "fuse2fs")
        self.assertEqual(facts.fuse_fs_name("ext4", "/dev/loop0"), "ext4")

    def test_fuseblk_named_by_the_source_format(self):
        self.assertEqual(self.types("/tmp/m/ntfs"), ("ntfs-3g", "fuseblk"))
        self.assertEqual(self.types("/tmp/m/exfat/d"), ("exfat-fuse", "fuseblk"))
        self.assertEqual(self.types("/tmp/m/with space/f"), ("ntfs-3g", "fuse"))

    def test_url_source_is_davfs2(self):
        self.assertEqual(self.types("/tmp/m/webdav/d"), ("davfs", "fuse"))
        self.assertEqual(facts.fuse_fs_name("fuseblk", "http://h/"), "fuseblk")

    def test_unreadable_or_unknown_source_stays_fuseblk(self):
        self.assertEqual(self.types("/tmp/m/unknown"), ("fuseblk", "fuseblk"))
        self.assertEqual(facts.fuse_fs_name("fuseblk", "me@host:/x"), "fuseblk")

    def test_overmounted_point_uses_the_top_mount(self):
        self.assertEqual(self.types("/tmp/m/over"), ("tmpfs", "tmpfs"))

    def test_disk_formats(self):
        self.assertEqual(facts.disk_format(boot_sector(tag_at=54, tag=b"FAT16   ")), "vfat")
        self.assertEqual(facts.disk_format(boot_sector(tag_at=82, tag=b"FAT32   ")), "vfat")
        self.assertIsNone(facts.disk_format(boot_sector(b"NTFS    ")[:510]))
        self.assertIsNone(facts.disk_format(bytes(4096)))


class Arguments(unittest.TestCase):
    def test_parse(self):
        a = _parser().parse_args(["fsmatrix", "--fs", "ext4,xfs", "--dir", "/a", "--dir", "/b",
                                  "-j", "3", "--repeat", "2", "--timeout", "4", "rename"])
        self.assertEqual((a.fs, a.dir, a.jobs, a.repeat, a.timeout, a.patterns),
                         ("ext4,xfs", ["/a", "/b"], 3, 2, 4.0, ["rename"]))
        self.assertEqual(a.fs_deadline, 120.0)

    def test_fs_list(self):
        names = lambda t: [s.name for s in fsrecipes.parse_fs_list(t)]  # noqa: E731
        self.assertEqual(names("all"), [s.name for s in fsrecipes.FILESYSTEMS])
        self.assertEqual(names("ntfs, FAT,exfat,ext4,ext4"),
                         ["ntfs-3g", "fusefat", "exfat-fuse", "ext4"])
        with self.assertRaisesRegex(HarnessError, "unknown filesystem 'zfs'.*ext4, xfs"):
            fsrecipes.parse_fs_list("ext4,zfs")
        with self.assertRaises(HarnessError):
            fsrecipes.parse_fs_list(" , ")


class RecipesAndProfiles(unittest.TestCase):
    """Each recipe's run gets its own profile from expected/: the one it names, or the
    one its fs fact matches, never plain linux (ext4) for a FUSE filesystem."""

    def test_every_fuse_column_has_its_profile(self):
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        profiles = profmod.load_all(os.path.join(root, "expected"))
        for spec in fsrecipes.FILESYSTEMS:
            if spec.kind != "fuse":
                continue
            with self.subTest(spec.name):
                facts_ = {"os": "linux", "fs": spec.fs or spec.name, "wine": "false"}
                prof = profmod.choose(profiles, facts_, spec.profile or None)
                self.assertNotIn(prof.name, ("linux", "linux-tmpfs"))
                self.assertEqual(prof.status, "verified")


class Requirements(unittest.TestCase):
    def test_missing_tools_named_with_package(self):
        have = {"mount", "umount", "losetup", "mkfs.ext4", "mkntfs", "ntfs-3g"}
        lines = fsrecipes.missing_requirements(
            fsrecipes.FILESYSTEMS, which=lambda p: p if p in have else None,
            exists=lambda p: True)
        self.assertEqual(lines, [
            "mkfs.xfs (Debian package xfsprogs), needed for xfs",
            "mkfs.btrfs (Debian package btrfs-progs), needed for btrfs",
            "mkfs.vfat (Debian package dosfstools), needed for fusefat, fusefat-tz",
            "fusefat (Debian package fusefat), needed for fusefat, fusefat-tz",
            "mkfs.exfat (Debian package exfatprogs), needed for exfat-fuse, exfat-fuse-tz",
            "mount.exfat-fuse (Debian package exfat-fuse), needed for exfat-fuse, "
            "exfat-fuse-tz",
            "fuse2fs (Debian package fuse2fs), needed for fuse2fs",
            "bindfs (Debian package bindfs), needed for bindfs",
            "mergerfs (Debian package mergerfs), needed for mergerfs",
            "gocryptfs (Debian package gocryptfs), needed for gocryptfs",
            "sshd (Debian package openssh-server), needed for sshfs",
            "ssh-keygen (Debian package openssh-client), needed for sshfs",
            "sshfs (Debian package sshfs), needed for sshfs",
            "rclone (Debian package rclone), needed for rclone-full, webdav, "
            "rclone-off",
            "mount.davfs (Debian package davfs2), needed for webdav",
            "smbd (Debian package samba), needed for smb",
            "smbpasswd (Debian package samba-common-bin), needed for smb",
            "smbnetfs (Debian package smbnetfs), needed for smb",
            "nsenter (Debian package util-linux), needed for smb",
            "unshare (Debian package util-linux), needed for smb",
            "ip (Debian package iproute2), needed for smb"])

    def test_devices(self):
        lines = fsrecipes.missing_requirements(
            fsrecipes.parse_fs_list("tmpfs,ntfs-3g,fusefat,ext4"), which=lambda p: p,
            exists=lambda p: False)
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[0].startswith("/dev/fuse (the fuse kernel module"))
        self.assertTrue(lines[0].endswith("needed for ntfs-3g, fusefat"))
        self.assertTrue(lines[1].startswith("/dev/loop-control"))
        self.assertTrue(lines[1].endswith("needed for ntfs-3g, ext4"))   # fusefat: no loop

    def test_tmpfs_needs_no_losetup(self):
        self.assertEqual(fsrecipes.missing_requirements(
            fsrecipes.parse_fs_list("tmpfs,overlay"),
            which=lambda p: None if p == "losetup" else p, exists=lambda p: False), [])


class Refusals(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fb = FakeBuild({"rename.a": PASS})

    @classmethod
    def tearDownClass(cls):
        cls.fb.cleanup()

    def test_not_root(self):
        with mock.patch.object(fsmatrix.factsmod, "is_root", return_value=False), \
                mock.patch.object(fsmatrix.tempfile, "mkdtemp", side_effect=AssertionError), \
                mock.patch.object(fssetup, "run_cmd", side_effect=AssertionError):
            code, out, err = self.fb.main("fsmatrix", target=False)
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertIn("needs root", err)
        self.assertIn("loop devices", err)

    def test_missing_tool(self):
        real = fsrecipes.which
        with mock.patch.object(fsmatrix.factsmod, "is_root", return_value=True), \
                mock.patch.object(fsrecipes, "which",
                                  lambda p: None if p == "mkfs.xfs" else real(p) or p), \
                mock.patch.object(fsrecipes.os.path, "exists", return_value=True), \
                mock.patch.object(fsmatrix.tempfile, "mkdtemp", side_effect=AssertionError):
            code, out, err = self.fb.main("fsmatrix", "--fs", "ext4,xfs,tmpfs", target=False)
        self.assertEqual(code, 2)
        self.assertIn("mkfs.xfs (Debian package xfsprogs), needed for xfs", err)
        self.assertIn("--fs ext4,tmpfs", err)
        self.assertNotIn("Traceback", err)


class CleanUp(unittest.TestCase):
    def test_reverse_order_and_failures_do_not_stop_it(self):
        done, logged = [], []
        u = fssetup.Undo(log=logged.append)
        u.push("a", done.append, "undo a")
        m = u.mark()
        u.push("b", done.append, "undo b")
        u.push("c", lambda: 1 / 0)
        u.push("d", done.append, "undo d")
        problems = u.unwind(m)
        self.assertEqual(done[:2], ["undo d", "undo b"])
        self.assertEqual(len(problems), 1)
        self.assertIn("clean-up: c: division by zero", problems[0])
        self.assertEqual(logged, problems)
        self.assertEqual(u.unwind(), [])
        self.assertEqual(done[-1], "undo a")
        self.assertEqual(u.unwind(), [])   # nothing twice

    def test_setup_then_undo_with_fake_commands(self):
        """A loop-device filesystem with a bind mount as its peer (clients=2): the
        commands in order, then their undo in reverse."""
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        calls, mounted = [], set()

        def run_cmd(argv, timeout=120, log=None):
            calls.append(argv[0] if argv[0] != "umount" else "umount " + argv[-1])
            if argv[0] == "losetup" and argv[1] == "--find":
                return "/dev/loop7\n"
            if argv[0] == "mount":
                mounted.add(argv[-1])
            if argv[0] == "umount":
                mounted.discard(argv[-1])
            return ""

        undo = fssetup.Undo(log=lambda m: None)
        sig = fssetup.Signals()
        mx = fssetup.Matrix(tmp, undo, sig, log=lambda m: None)
        image = os.path.join(tmp, "ext4", "ext4.img")
        with mock.patch.object(fssetup, "run_cmd", run_cmd), \
                mock.patch.object(fssetup, "is_mount_point", lambda p: p in mounted), \
                mock.patch.object(fssetup, "loop_backing", lambda d: image):
            target, peer = mx.setup(fsrecipes.BY_NAME["ext4"])
            self.assertEqual(target, os.path.join(tmp, "ext4", "mnt"))
            self.assertEqual(peer, os.path.join(tmp, "ext4", "peer"))
            self.assertEqual(os.path.getsize(image), 64 << 20)
            self.assertEqual(calls, ["mkfs.ext4", "losetup", "mount", "mount"])
            self.assertEqual(mounted, {target, peer})
            self.assertEqual(undo.unwind(), [])
        self.assertEqual(calls[4:], ["umount " + peer, "umount " + target, "losetup"])
        self.assertEqual(mounted, set())

    def test_failed_mount_undoes_the_loop_device(self):
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        calls = []

        def run_cmd(argv, timeout=120, log=None):
            calls.append(" ".join(argv[:2]))
            if argv[0] == "mount":
                raise fssetup.SetupError("mount: wrong fs type")
            return "/dev/loop7"

        undo = fssetup.Undo(log=lambda m: None)
        mx = fssetup.Matrix(tmp, undo, fssetup.Signals(), log=lambda m: None)
        image = os.path.join(tmp, "xfs", "xfs.img")
        with mock.patch.object(fssetup, "run_cmd", run_cmd), \
                mock.patch.object(fssetup, "is_mount_point", lambda p: False), \
                mock.patch.object(fssetup, "loop_backing", lambda d: image):
            with self.assertRaises(fssetup.SetupError):
                mx.setup(fsrecipes.BY_NAME["xfs"])
            undo.unwind()
        self.assertEqual(calls, ["mkfs.xfs -q", "losetup --find", "mount -t", "losetup -d"])

    def test_fuse_layer_over_directories(self):
        """A recipe without mkfs: its directories and files on a tmpfs of its own, the
        prepare step and the daemon's argv filled in, its environment, and undo steps
        that stop the daemon before the tmpfs goes."""
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        calls, mounted = [], set()

        def run_cmd(argv, timeout=120, log=None, env=None):
            calls.append((argv, (env or {}).get("HOME")))
            if argv[0] in ("mount", "gocryptfs") and "-init" not in argv:
                mounted.add(argv[-1])
            if argv[0] == "umount":
                mounted.discard(argv[-1])
            return ""

        spec = fsrecipes.FsSpec(
            "layer", "fuse", 8, back=("cipher",), files=(("password", "pw\n"),),
            prepare=(("gocryptfs", "-init", "{back}/cipher"),), env=(("HOME", "{back}"),),
            mount=("gocryptfs", "-passfile", "{back}/password", "{back}/cipher", "{mnt}"))
        undo = fssetup.Undo(log=lambda m: None)
        mx = fssetup.Matrix(tmp, undo, fssetup.Signals(), log=lambda m: None)
        back, mnt = os.path.join(tmp, "layer", "back"), os.path.join(tmp, "layer", "mnt")
        with mock.patch.object(fssetup, "run_cmd", run_cmd), \
                mock.patch.object(fssetup, "is_mount_point", lambda p: p in mounted), \
                mock.patch.object(fssetup, "find_daemon", lambda m: None):
            self.assertEqual(mx.setup(spec), (mnt, ""))
            with open(os.path.join(back, "password")) as f:
                self.assertEqual(f.read(), "pw\n")
            self.assertTrue(os.path.isdir(os.path.join(back, "cipher")))
            self.assertEqual(calls[0][0][:3], ["mount", "-t", "tmpfs"])
            self.assertEqual(calls[0][0][-1], back)
            self.assertEqual(calls[1][0], ["gocryptfs", "-init", back + "/cipher"])
            self.assertEqual(calls[2], (["gocryptfs", "-passfile", back + "/password",
                                         back + "/cipher", mnt], back))
            self.assertEqual(mx.daemons, [(None, mnt)])
            self.assertEqual(undo.unwind(), [])
        self.assertEqual([c[0] for c in calls[3:]], [["umount", mnt], ["umount", back]])
        self.assertEqual((mounted, mx.daemons), (set(), []))

    def test_second_client(self):
        """clients=2 on a FUSE recipe: the daemon started again on a mount point of its
        own with {client} 2 (its own cache) and peer_args added, both daemons watched
        and both undone, the second first."""
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        calls, mounted = [], set()

        def run_cmd(argv, timeout=120, log=None, env=None):
            calls.append(argv)
            if argv[0] == "umount":
                mounted.discard(argv[-1])
            elif argv[0] in ("mount", "rclone"):
                mounted.add(argv[4] if argv[0] == "rclone" else argv[-1])   # before peer_args
            return ""

        spec = fsrecipes.FsSpec("two", "fuse", 8, back=("dir",), clients=2,
                                mount=("rclone", "--cache-dir", "{back}/cache{client}",
                                       "{back}/dir", "{mnt}"),
                                peer_args=("--dir-cache-time", "{client}s"))
        undo = fssetup.Undo(log=lambda m: None)
        mx = fssetup.Matrix(tmp, undo, fssetup.Signals(), log=lambda m: None)
        base = os.path.join(tmp, "two")
        back, mnt, peer = (os.path.join(base, d) for d in ("back", "mnt", "peer"))
        with mock.patch.object(fssetup, "run_cmd", run_cmd), \
                mock.patch.object(fssetup, "is_mount_point", lambda p: p in mounted), \
                mock.patch.object(fssetup, "find_daemon", lambda m: None):
            self.assertEqual(mx.setup(spec), (mnt, peer))
            self.assertEqual(calls[1:], [
                ["rclone", "--cache-dir", back + "/cache1", back + "/dir", mnt],
                ["rclone", "--cache-dir", back + "/cache2", back + "/dir", peer,
                 "--dir-cache-time", "2s"]])
            self.assertEqual(mx.daemons, [(None, mnt), (None, peer)])
            self.assertEqual(undo.unwind(), [])
        self.assertEqual([c[-1] for c in calls[3:]], [peer, mnt, back])
        self.assertEqual((mounted, mx.daemons), (set(), []))

    def test_server_started_until_ready_and_stopped(self):
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        server = (sys.executable, "-c", "import signal; print('noise'); "
                  "print('Server listening on x', flush=True); signal.pause()")
        spec = fsrecipes.FsSpec("srv", "fuse", server=server, ready="Server listening on",
                                rundirs=(os.path.join(tmp, "run"),))
        undo = fssetup.Undo(log=lambda m: None)
        mx = fssetup.Matrix(tmp, undo, fssetup.Signals(), log=lambda m: None)
        os.mkdir(os.path.join(tmp, "srv"))
        mx._server(spec, list(server), os.path.join(tmp, "srv"))
        self.assertTrue(os.path.isdir(os.path.join(tmp, "run")))
        pid = int(undo.steps[-1][0].split("pid ")[1].rstrip(")"))
        self.assertIsNone(os.waitpid(pid, os.WNOHANG)[0] or None)   # still running
        self.assertEqual(undo.unwind(), [])
        self.assertFalse(os.path.exists(f"/proc/{pid}"))
        self.assertFalse(os.path.exists(os.path.join(tmp, "run")))
        with open(os.path.join(tmp, "srv", os.path.basename(sys.executable) + ".log")) as f:
            self.assertIn("noise", f.read())

    def test_server_that_ends_without_ready_is_a_setup_error(self):
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        argv = [sys.executable, "-c", "print('Missing privilege separation directory')"]
        spec = fsrecipes.FsSpec("srv", "fuse", ready="Server listening on")
        undo = fssetup.Undo(log=lambda m: None)
        mx = fssetup.Matrix(tmp, undo, fssetup.Signals(), log=lambda m: None)
        with self.assertRaisesRegex(fssetup.SetupError, "did not say 'Server listening on'"):
            mx._server(spec, argv, tmp)
        self.assertEqual(undo.unwind(), [])

    def test_left_out_probes_and_named_profile(self):
        """A recipe's left-out probes are not run there, and its profile is used unless
        the user names one; the inode check is off only for a recipe that asks."""
        seen = []

        def cmd_run(ctx, ns):
            seen.append((ns.patterns, ns.profile, os.environ.get("FSCONFORM_MIN_FREE_MIB"),
                         ns.no_landlock))
            return 0
        probes = [mock.Mock(id=i, area=i.split(".")[0]) for i in ("path.a", "path.b", "dir.c")]
        ctx = mock.Mock(results_dir="/r", manifest=mock.Mock(probes=probes))
        spec = fsrecipes.FsSpec("x", "fuse", exclude=(("path.b", "breaks it"),),
                                profile="linux-x", inodes=False, no_landlock="its bug")
        with mock.patch.dict(os.environ, {"FSCONFORM_MIN_FREE_MIB": "9"}):
            fsmatrix.run_suite(ctx, argparse.Namespace(patterns=["path"]), spec, "/t", cmd_run)
            fsmatrix.run_suite(ctx, argparse.Namespace(patterns=[], profile="mine"),
                               fsrecipes.FsSpec("y", "fuse"), "/t", cmd_run)
            self.assertEqual(os.environ["FSCONFORM_MIN_FREE_MIB"], "9")
        self.assertEqual(seen, [(["path.a"], "linux-x", "0", True), ([], "mine", "9", False)])
        with self.assertRaisesRegex(HarnessError, "left out"):
            fsmatrix.run_suite(ctx, argparse.Namespace(patterns=["path.b"]), spec, "/t",
                               cmd_run)

    def test_no_landlock_runs_every_probe_unconfined(self):
        """A recipe's no_landlock reaches the runner: every probe unconfined there,
        elsewhere only the probes that need mounts."""
        probes = [mock.Mock(id=i, source=i) for i in ("a.x", "a.mounts")]
        ctx = mock.Mock(manifest=mock.Mock(sentinel="", emulator=()))
        with tempfile.TemporaryDirectory() as t, \
                mock.patch.object(cli.discovery, "needs", lambda s: {s.split(".")[1]}):
            for flag, want in ((True, {"a.x", "a.mounts"}), (False, {"a.mounts"})):
                args = argparse.Namespace(timeout=1.0, no_landlock=flag)
                runner = cli._runner(ctx, args, t, probes)
                self.assertEqual({p.id for p in probes if p.id in runner.unconfined}, want)
                runner.close()

    def test_outcome_says_what_is_left_out_and_unconfined(self):
        matrix = mock.MagicMock(daemons=[], setup=lambda spec: "/t")
        matrix.undo.unwind.return_value = []
        run = mock.Mock(results=[], facts={"fs": "x"}, profile="p", counts=dict,
                        ok=lambda: True)
        for no_landlock, want in (("its bug", ["LEFT OUT a.b: breaks it",
                                               "NO LANDLOCK: its bug"]),
                                  ("", ["LEFT OUT a.b: breaks it"])):
            spec = fsrecipes.FsSpec("x", "fuse", exclude=(("a.b", "breaks it"),),
                                    no_landlock=no_landlock)
            with mock.patch.object(fsmatrix, "run_suite", lambda *a: (0, "", "/r.json")), \
                    mock.patch.object(fsmatrix.reports, "read_json", lambda p: run):
                out = fsmatrix.run_one(mock.Mock(), mock.Mock(), spec, matrix, None, 4)
            self.assertEqual((out.status, out.details), ("ok", want))

    def test_watchdog_deadline_per_repetition(self):
        """--fs-deadline is per pass: --repeat 20 of a slow column takes 20 times as
        long, and a watchdog that fired at 120 s killed sshfs in the middle of the
        last pass (errors: Transport endpoint is not connected)."""
        matrix = mock.MagicMock(daemons=[(1, "/m")], setup=lambda spec: ("/t", ""))
        matrix.undo.unwind.return_value = []
        run = mock.Mock(results=[], facts={"fs": "x"}, profile="p", counts=dict,
                        ok=lambda: True)
        for repeat, want in ((1, 120.0), (20, 2400.0)):
            args = argparse.Namespace(fs_deadline=120.0, repeat=repeat)
            with mock.patch.object(fsmatrix, "Watchdog") as dog, \
                    mock.patch.object(fsmatrix, "run_suite", lambda *a: (0, "", "/r.json")), \
                    mock.patch.object(fsmatrix.reports, "read_json", lambda p: run):
                fsmatrix.run_one(mock.Mock(), args, fsrecipes.FsSpec("x", "fuse"), matrix,
                                 None, 4)
            self.assertEqual(dog.call_args.args[0], want)

    def test_detach_only_our_image(self):
        ran = []
        with mock.patch.object(fssetup, "run_cmd", ran.append), \
                mock.patch.object(fssetup, "loop_backing", lambda d: "/other/image"):
            fssetup.detach_loop("/dev/loop7", "/tmp/x/ext4.img")
        with mock.patch.object(fssetup, "run_cmd", ran.append), \
                mock.patch.object(fssetup, "loop_backing", lambda d: None):
            fssetup.detach_loop("/dev/loop7", "/tmp/x/ext4.img")
        self.assertEqual(ran, [])

    def test_private_dir_not_removed_through_a_mount(self):
        with mock.patch.object(fssetup, "mounts_under", lambda t: [t + "/ext4/mnt"]), \
                mock.patch.object(fssetup.shutil, "rmtree", side_effect=AssertionError):
            with self.assertRaisesRegex(fssetup.SetupError, "still mounted"):
                fssetup.remove_private_dir("/tmp/fsconform-fsmatrix-x")

    def test_find_daemon_by_mount_point_argument(self):
        proc = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(proc))
        for pid, argv in ((10, b"bash\0"), (11, b"ntfs-3g\0/dev/loop4\0/tmp/p/ntfs/mnt\0"),
                          (12, b"mount.exfat-fuse\0/dev/loop3\0/tmp/p/exfat/mnt\0")):
            os.mkdir(os.path.join(proc, str(pid)))
            with open(os.path.join(proc, str(pid), "cmdline"), "wb") as f:
                f.write(argv)
        self.assertEqual(fssetup.find_daemon("/tmp/p/exfat/mnt", proc), 12)
        self.assertIsNone(fssetup.find_daemon("/tmp/p/fat/mnt", proc))


class NetworkNamespace(unittest.TestCase):
    """A recipe with netns: server and client enter a namespace holding only lo; its
    undo step ends every process in it, so the namespace goes too."""

    def test_program_behind_nsenter(self):
        self.assertEqual(fssetup.program(["nsenter", "--net=/proc/1/ns/net", "--", "smbd", "-F"]),
                         "smbd")
        self.assertEqual(fssetup.program(["sshd", "-D", "--", "x"]), "sshd")

    def test_share_under_the_mount_is_the_target(self):
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        mounted = set()

        def run_cmd(argv, timeout=120, log=None, env=None):
            if argv[0] in ("mount", "smbnetfs"):
                mounted.add(argv[-1])
            return ""
        spec = fsrecipes.FsSpec("s", "fuse", 8, back=("share",), subdir="host/share",
                                mount=("smbnetfs", "{mnt}"))
        mx = fssetup.Matrix(tmp, fssetup.Undo(log=lambda m: None), fssetup.Signals(),
                            log=lambda m: None)
        with mock.patch.object(fssetup, "run_cmd", run_cmd), \
                mock.patch.object(fssetup, "is_mount_point", lambda p: p in mounted), \
                mock.patch.object(fssetup, "find_daemon", lambda m: None):
            self.assertEqual(mx.setup(spec), (os.path.join(tmp, "s", "mnt", "host", "share"), ""))

    @unittest.skipUnless(hasattr(os, "geteuid") and os.geteuid() == 0
                         and fsrecipes.which("unshare") and fsrecipes.which("nsenter"),
                         "needs root, unshare and nsenter")
    def test_only_lo_and_nothing_left(self):
        tmp = tempfile.mkdtemp(prefix="fsc-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(tmp))
        undo = fssetup.Undo(log=lambda m: None)
        mx = fssetup.Matrix(tmp, undo, fssetup.Signals(), log=lambda m: None)
        path = mx._net_ns(tmp)
        ns = fssetup.net_ns(path.split("/")[2])
        self.assertNotEqual(ns, fssetup.net_ns(os.getpid()))
        links = fssetup.run_cmd(["nsenter", f"--net={path}", "--", "ip", "-o", "link"])
        self.assertEqual([x.split(":")[1].strip() for x in links.splitlines()], ["lo"])
        self.assertIn("UP", links)
        # a process that stays in the namespace (a server's daemonised helper)
        stray = subprocess.Popen(
            ["nsenter", f"--net={path}", "--", "sh", "-c", "echo in; exec sleep 60"],
            stdout=subprocess.PIPE)
        self.addCleanup(stray.stdout.close)
        self.assertEqual(stray.stdout.readline(), b"in\n")
        self.assertEqual(undo.unwind(), [])
        self.assertEqual(fssetup.pids_in_net_ns(ns), [])
        self.assertIsNotNone(stray.wait(5))


class SignalsAndWatchdog(unittest.TestCase):
    def test_held_signals_wait_for_the_end_of_the_section(self):
        s = fssetup.Signals()
        with self.assertRaises(fssetup.Interrupted) as cm:
            with s.held():
                s._handler(signal.SIGTERM, None)    # no raise here: the undo step is pushed
                reached = True
        self.assertTrue(reached)
        self.assertEqual(cm.exception.signum, signal.SIGTERM)
        self.assertIsInstance(cm.exception, KeyboardInterrupt)

    def test_outside_a_section_raises_at_once_and_cleaning_postpones(self):
        seen = []
        s = fssetup.Signals(on_signal=seen.append)
        with self.assertRaises(fssetup.Interrupted):
            s._handler(signal.SIGINT, None)
        self.assertEqual(seen, [signal.SIGINT])
        with self.assertRaises(fssetup.Interrupted) as cm:
            with s.cleaning_up():
                with mock.patch("sys.stderr"):
                    s._handler(signal.SIGTERM, None)   # noted, not raised ...
                finished = True
        self.assertTrue(finished)                      # ... until the clean-up is over
        self.assertEqual(cm.exception.signum, signal.SIGTERM)

    def test_watchdog(self):
        fired = threading.Event()
        dog = fssetup.Watchdog(60, fired.set)
        dog.expire_soon(0.05)
        self.assertTrue(fired.wait(5))
        quiet = threading.Event()
        dog = fssetup.Watchdog(0.05, quiet.set)
        dog.cancel()
        self.assertFalse(quiet.wait(0.3))


if __name__ == "__main__":
    unittest.main()
