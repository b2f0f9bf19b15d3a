"""The filesystems `harness fsmatrix` can make: one recipe (FsSpec) each, as data.

A recipe says what to install (programs and their Debian packages), how to make it
(mkfs on a sparse image, or directories on a tmpfs of its own and an init step), how to
mount it (kernel driver on a loop device, or a FUSE daemon's argv), and what its run
needs (a named profile, probes left out with the reason). harness/fssetup.py turns a
recipe into a mount and undo steps; adding a column is adding a recipe here.
"""

import os
import shutil
from dataclasses import dataclass, replace

from harness import HarnessError

SBIN = ("/usr/local/sbin", "/usr/sbin", "/sbin")


@dataclass
class FsSpec:
    """One filesystem the matrix can create. `kind`: block (kernel driver on a loop
    device), fuse (a FUSE daemon), tmpfs, overlay, dir (an existing directory).
    A FUSE `mount` (and each `prepare` step) is an argv template: {source} is the
    image (or its loop device), {mnt} the mount point, {back} the backing tmpfs, {port}
    a TCP port free on 127.0.0.1, {client} 1 (or 2 for the second client: where two
    instances need their own cache); `files` are templates too."""
    name: str                  # --fs name = results fs-<name>.json
    kind: str
    size_mib: int = 64
    mkfs: tuple = ()           # argv; the image path is appended (no mkfs: no image)
    mount: tuple = ()          # FUSE: argv template; block: ("-t", type)
    loop: bool = True          # FUSE on an image: mount the loop device or the image file
    needs: tuple = ()          # (program, Debian package)
    back: tuple = ()           # FUSE over directories: these, on a tmpfs of size_mib
    files: tuple = ()          # (name, text) written into the backing tmpfs
    prepare: tuple = ()        # argv templates run before the mount (e.g. an init)
    env: tuple = ()            # (name, template): the daemon's environment
    server: tuple = ()         # argv template of a server the mount talks to ({port})
    ready: str = ""            # what the server prints once it listens
    rundirs: tuple = ()        # directories the server needs (made if missing, removed)
    netns: bool = False        # server and client in a network namespace of their own
                               # holding only lo ({netns}: its /proc/PID/ns/net)
    subdir: str = ""           # the directory under test, inside the mount
    inodes: bool = True        # False: its statfs inode counts mean nothing (no check)
    exclude: tuple = ()        # (probe id, why): probes that would damage the column
    no_landlock: str = ""      # why its probes run without Landlock (subreaper still)
    fs: str = ""               # the `fs` fact it shows, if not its name
    profile: str = ""          # the profile to use, if the facts cannot choose it
    path: str = ""             # kind dir: the directory
    clients: int = 1           # 2: mounted a second time, the run's --peer (a second
                               # FUSE client: its argv and env again with {mnt} its own
                               # and {client} 2, not 1; kernel kinds: a bind mount)
    peer_args: tuple = ()      # argv templates added to the second client's mount argv


# fuse2fs 1.47.0 does not check a new name's length: a 256-byte name gives ENOENT and
# leaves a zero-length entry (e2fsck: "Directory entry has a zero-length name") that
# makes the directory unreadable (EIO) and unremovable, so the probe's sandbox cannot be
# removed. Observed by hand; recorded in expected/linux-fuse2fs.toml.
FUSE2FS_LONG_NAME = ("fuse2fs 1.47.0 corrupts the directory on a 256-byte name (ENOENT, "
                     "then EIO): see expected/linux-fuse2fs.toml")
FUSEFAT_REGROW_MAPPED = ("fusefat 0.1a refuses to regrow a mapped file it just truncated (EPERM) and its "
                         "daemon then blocks every later request: the column would hang")
FUSEFAT_TRUNCATE_LOOP = ("fusefat 0.1a's daemon dies (Transport endpoint is not connected) by "
                         "the second run of this truncate-and-rewrite loop racing a reader "
                         "(its first run: writer EPERM, garbage none; fsmatrix --repeat 5)")

SSHD_CONFIG = """ListenAddress 127.0.0.1
Port {port}
HostKey {back}/host_key
AuthorizedKeysFile {back}/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile none
Subsystem sftp internal-sftp
"""

# davfs2 1.6.1 reuses a FUSE node id as soon as it removes the node, while the kernel
# may still hold the old inode: a directory created then gets the removed one's dead
# inode, and creating anything in it fails with ENOENT (by hand: a process keeps its cwd
# in d, rm -rf d, mkdir e, touch e/f: ENOENT). Landlock's rule on a probe's sandbox
# holds the sandbox's inode a little after the probe has ended, so with Landlock every
# sandbox after the first on the mount is such a dead directory (78 of 90 probes broke).
DAVFS2_NODE_REUSE = ("davfs2 1.6.1 reuses the node id of a removed directory while "
                     "Landlock's rule still holds its inode: every later sandbox is dead "
                     "(ENOENT); see DAVFS2_NODE_REUSE in harness/fsrecipes.py")

# The same reuse makes delete.rmdir_cwd_other dangerous there: its helper keeps its cwd
# in the directory the probe removes, and the next directory davfs2 makes (another
# probe's, running at the same time) gets the dead inode: mkdir in it fails with ENOENT
# (delete.rmdir_nonempty broke 1 run in 3), and the helper's stat of '.' saw the other
# probe's directory (nlink 2) in 1 run of 3, ENOENT or EIO in the others.
DAVFS2_CWD_REMOVED = ("its helper keeps a removed directory alive in the kernel, and "
                      "davfs2 gives that dead inode to the next directory made, another "
                      "probe's: see DAVFS2_CWD_REMOVED in harness/fsrecipes.py")

# Two processes making the same directories at once (dir.mkdir_p_race): davfs2 answers
# one of them ESTALE or ENOENT instead of EEXIST in about half the runs, and leaves stale
# directories that the sandbox's removal cannot remove and whose nodes later probes'
# directories get (ESTALE in other probes' mkdir).
DAVFS2_MKDIR_RACE = ("concurrent mkdir of the same names gives ESTALE/ENOENT in about half "
                     "the runs and leaves stale nodes that break later probes: see "
                     "DAVFS2_MKDIR_RACE in harness/fsrecipes.py")

# davfs2 1.6.1, non-interactively: its configuration (conf=) and secrets file on the
# backing tmpfs (it reads no ~/.davfs2 then; /etc/davfs2 is the package's, unchanged).
# buf_size 64 (KiB): this kernel needs it (alisarctl/davfs2#22). delay_upload 0: davfs2
# uploads a file when it is closed, not 10 s later; by default a file just written stays
# locked until then, and renaming it (or a directory holding it) fails with EIO for
# ~12 s, which turns most rename/delete probes into EIO (observed by hand). With
# delay_upload 0 (or use_locks 0) renaming a directory over a non-empty directory
# succeeds and deletes it: recorded in expected/linux-webdav.toml, not excluded (it
# deletes only inside the probe's sandbox). Locks stay on (use_locks 1).
# Two clients (clients=2): a second davfs2 mount of the same server, with a
# configuration of its own (davfs2-2.conf; the first keeps davfs2-1.conf, so its
# single-client results are those of one mount): dir_refresh 0 and file_refresh 0, so
# it asks the server on every lookup and open. davfs2 trusts a directory listing for
# dir_refresh seconds (davfs2.conf(5), default 60): so the second mount would not show
# a probe's new sandbox within the harness's 10 s; with dir_refresh 1 it does, but then
# its 1 s refreshes against the server's 1 s times made five peer probes' values change
# from run to run (fsmatrix --repeat 20: 6 to 14 of 20 each way). Asking every time,
# what the peer probes measure is what davfs2 and WebDAV do with no cache time: B's
# read-write open refused (EACCES) while A has the file open for writing (the WebDAV
# lock davfs2 takes, use_locks 1), uploads only at close: expected/linux-webdav.toml.
DAVFS2_CONFIG = """buf_size 64
delay_upload 0
cache_dir {back}/cache
secrets {back}/secrets
"""
DAVFS2_PEER_CONFIG = DAVFS2_CONFIG + "dir_refresh 0\nfile_refresh 0\n"

# Samba 4.17 in a network namespace holding only lo, so NetBIOS and broadcasts reach
# nothing. Every directory it writes is in the private directory (by default: /var/lib,
# /var/cache, /run and /var/log/samba). Not "rpc start on demand helpers": smbd would
# start samba-dcerpcd, which leaves smbd's session and logs to /var/log/samba whatever
# the configuration says (observed by hand); without it, listing the shares fails, but
# the share itself works. Root's password is in a passdb of its own ({back}/samba).
SMB_CONFIG = """[global]
server role = standalone server
disable netbios = yes
smb ports = 445
interfaces = lo
bind interfaces only = yes
server min protocol = SMB2
rpc start on demand helpers = no
passdb backend = tdbsam
private dir = {back}/samba/private
lock directory = {back}/samba/lock
state directory = {back}/samba/state
cache directory = {back}/samba/cache
pid directory = {back}/samba/pid
ncalrpc dir = {back}/samba/ncalrpc
binddns dir = {back}/samba/binddns
log file = {back}/samba/log.smbd
usershare path =
load printers = no
printcap name = /dev/null
disable spoolss = yes
[share]
path = {back}/share
read only = no
valid users = root
"""

# smbnetfs 0.6.3 against Samba 4.17 (each probe alone on a fresh mount, by hand): some
# calls stall about 4 s and fail with EIO; after the first four kinds below every call on
# the mount fails with EIO for about 3 s more, so every probe started meanwhile has no
# sandbox (the first full run: 328 errors after concurrency.append_many). They are:
# an open for writing with O_APPEND (O_WRONLY; O_RDONLY and O_RDWR work), a name with a
# byte that is not UTF-8, a name holding : * ? " < > | \ or 0x01 (Windows' reserved
# characters), a name longer than 255 bytes (EIO at once, not ENAMETOOLONG). And an
# ftruncate through a descriptor opened O_WRONLY stalls 4 s and fails with EIO, although
# the size changes: time.ftruncate_times (three of them) then runs past its deadline,
# and concurrency.truncate_reader's writer ends in EIO or past the deadline, by run.
# SMBNETFS_LATE_CLOSE: a time set on a file just written does not always read back through smbnetfs: the
# mtime read was another in 1 of 5 runs of time.mtime_resolution, time.atime_resolution
# and time.before_1970_fraction (recorded in expected/linux-smb.toml), and in 2 of 5 of
# time.local_dst_roundtrip, whose precondition (the time reads back) then fails. Likely
# FUSE's RELEASE of the writing handle, which is asynchronous, reaching Samba after the
# times were set: Samba stamps a written file's write time when it is closed.
# Why the O_APPEND open stalls (smbnetfs_debug=6 log, 2026-12-01): libsmbclient's open
# seeks to the end for O_APPEND and, when that fails, closes the file and answers ENXIO
# (SMBC_open_ctx, source3/libsmb/libsmb_file.c); smbnetfs takes any error its
# connection child dies with as a broken connection ("smb_conn_srv_open: errno=6, No
# such device or address", "closing child connection"), starts a new child and retries
# twice, 2 s apart, holding the server's context meanwhile, then answers EIO. The
# second client (clients=2) plays no part: a first smb run with clients=2 (every call
# EIO) was peer.append_both and peer.size_mtime, which open O_WRONLY|O_APPEND.
SMBNETFS_STALL = ("smbnetfs 0.6.3: {what} stalls ~4 s or fails with EIO and leaves the "
                  "whole mount failing (EIO) for ~3 s more: see SMBNETFS_STALL in "
                  "harness/fsrecipes.py")
SMBNETFS_EXCLUDE = tuple(
    [(p, SMBNETFS_STALL.format(what="an O_WRONLY|O_APPEND open"))
     for p in ("concurrency.append_many", "fd.append_seek_write", "fd.pwrite_append",
               "open.append_two_writers", "stdio.append_seek_write", "stdio.eof_sticky",
               "stdio.ftell_append", "peer.append_both", "peer.size_mtime")]
    + [("path.invalid_utf8", SMBNETFS_STALL.format(what="a name that is not UTF-8")),
       ("path.special_chars", SMBNETFS_STALL.format(what="a name with a reserved character")),
       ("path.name_max_bytes", SMBNETFS_STALL.format(what="a name over 255 bytes")),
       ("path.name_max_multibyte", SMBNETFS_STALL.format(what="a name over 255 bytes"))]
    + [(p, "smbnetfs 0.6.3: each ftruncate through an O_WRONLY descriptor stalls ~4 s "
           "and fails with EIO (the size changes): the probe runs past its deadline or "
           "not, by run; see SMBNETFS_STALL in harness/fsrecipes.py")
       for p in ("time.ftruncate_times", "concurrency.truncate_reader", "peer.truncate_size")]
    + [("time.local_dst_roundtrip", "smbnetfs 0.6.3: a time just set does not always read "
        "back (the probe's precondition failed, exit status 2, in 2 of 5 runs): see "
        "SMBNETFS_LATE_CLOSE in harness/fsrecipes.py")])

# smbnetfs reads its own configuration (config=) and libsmbclient's $HOME/.smb/smb.conf
SMBNETFS_CONFIG = 'auth "root" "fsc"\n'
SMBCLIENT_CONFIG = """[global]
client min protocol = SMB2
disable netbios = yes
name resolve order = host
"""

# rclone mount --vfs-cache-mode off (v1.60.1): an open for reading of a file another
# handle is writing waits 5 s and fails with ENOENT (by hand, python os.open); the
# probe checks what a reader sees six times while its stream is open: over 30 s.
RCLONE_OFF_READ_WHILE_WRITTEN = ("through rclone without a cache an open of a file "
                                 "being written waits 5 s and fails with ENOENT: six "
                                 "such reads outlast the probe's timeout")
RCLONE_OFF_TRUNCATE_READER = ("through rclone without a cache the writer's truncate is "
                              "refused (EPERM), so the race never happens, and the "
                              "reader's close then fails with EIO (fsmatrix)")
RCLONE_OFF_CLOSE_FLAKY = ("through rclone without a cache the clean-up close of its read-write "
                          "descriptor (opened, mapped, never written) fails with EPERM in about "
                          "half the runs: a skip or a pass by chance (fsmatrix --repeat 5: 3 "
                          "skips, 2 passes, the same observations)")

MOUNT_TOOLS = (("losetup", "mount"), ("mount", "mount"), ("umount", "mount"))


def rclone_mount(mode, **more):
    """rclone mount of a local directory (no remote, so no configuration) with
    --vfs-cache-mode `mode`: column rclone-<mode>. Its config file and VFS cache are on
    the backing tmpfs too (HOME and XDG_* point there, or it makes ~/.config/rclone).
    It shows fs = rclone whatever the cache mode, which is in no fact: so the column
    names its profile, linux-rclone-<mode>. statfs: 10^9 inodes, none free."""
    return FsSpec(f"rclone-{mode}", "fuse", 64, back=("dir", "cache1"), fs="rclone",
                  profile=f"linux-rclone-{mode}", inodes=False,
                  env=(("HOME", "{back}"), ("XDG_CONFIG_HOME", "{back}"),
                       ("XDG_CACHE_HOME", "{back}")),
                  mount=("rclone", "mount", "--daemon", "--config", "{back}/rclone.conf",
                         "--cache-dir", "{back}/cache{client}", "--vfs-cache-mode", mode,
                         "{back}/dir", "{mnt}"),
                  needs=(("rclone", "rclone"),), **more)


# A layer over directories (bindfs, mergerfs, gocryptfs, rclone) has them on a tmpfs
# of its own, so that what shows through the layer is the same on every machine.
# clients=2 on a kernel filesystem is a bind mount as the peer: one kernel, one page
# cache, the baseline of what "coherent" looks like next to the network columns.
FILESYSTEMS = [
    FsSpec("ext4", "block", 64, ("mkfs.ext4", "-q", "-F"), ("-t", "ext4"), clients=2,
           needs=(("mkfs.ext4", "e2fsprogs"),)),
    # mkfs.xfs (xfsprogs 6.1) refuses anything under 300 MB.
    FsSpec("xfs", "block", 300, ("mkfs.xfs", "-q", "-f"), ("-t", "xfs"),
           needs=(("mkfs.xfs", "xfsprogs"),)),
    # mkfs.btrfs (btrfs-progs 6.2): "minimum size for each btrfs device is 114294784".
    FsSpec("btrfs", "block", 128, ("mkfs.btrfs", "-q", "-f"), ("-t", "btrfs"),
           needs=(("mkfs.btrfs", "btrfs-progs"),)),
    FsSpec("tmpfs", "tmpfs", 64, clients=2),
    # upper and work on a tmpfs, lower an empty directory in the private temp dir
    FsSpec("overlay", "overlay", 64),
    # on a loop device, as a disk would be: mountinfo shows fuseblk /dev/loopN
    FsSpec("ntfs-3g", "fuse", 64, ("mkntfs", "-q", "-Q", "-F"), ("ntfs-3g", "{source}", "{mnt}"),
           needs=(("mkntfs", "ntfs-3g"), ("ntfs-3g", "ntfs-3g"))),
    # fusefat writes only with rw+ ("EXPERIMENTAL"). Without hard_remove it loops for
    # ever (or dies) when the kernel deletes the .fuse_hidden file of an unlinked open
    # file (observed with fusefat 0.1a, Debian 12): so hard_remove, one thread (-s).
    FsSpec("fusefat", "fuse", 64, ("mkfs.vfat",),
           ("fusefat", "-s", "-o", "rw+,hard_remove", "{source}", "{mnt}"),
           loop=False, needs=(("mkfs.vfat", "dosfstools"), ("fusefat", "fusefat")),
           exclude=(("concurrency.truncate_reader", FUSEFAT_TRUNCATE_LOOP),
                    ("mmap.truncate_extend_under_map", FUSEFAT_REGROW_MAPPED))),
    # mount.exfat-fuse wants a block device ("fuse: mount failed: Block device required")
    FsSpec("exfat-fuse", "fuse", 64, ("mkfs.exfat",), ("mount.exfat-fuse", "{source}", "{mnt}"),
           needs=(("mkfs.exfat", "exfatprogs"), ("mount.exfat-fuse", "exfat-fuse"))),
    # ext4 in user space (e2fsprogs' fuse2fs) on the image file; mountinfo: fuse.ext4.
    # Not hard_remove: with it, handles of unlinked or replaced files read zeros or the
    # new file. Without it libfuse hides a file unlinked while its RELEASE (sent
    # asynchronously after the last close) is still on the way as .fuse_hiddenN, so a
    # sandbox removed just after its probe exits can fail with ENOTEMPTY: 1 rmdir in
    # 1500 by hand, 1 full fsmatrix run in about 40 (an error verdict on one probe).
    FsSpec("fuse2fs", "fuse", 64, ("mkfs.ext4", "-q", "-F"), ("fuse2fs", "{source}", "{mnt}"),
           loop=False, needs=(("mkfs.ext4", "e2fsprogs"), ("fuse2fs", "fuse2fs")),
           exclude=tuple((p, FUSE2FS_LONG_NAME) for p in ("path.name_max_bytes",
                                                          "path.name_max_multibyte"))),
    # bindfs names no subtype ("fuse"); mounted from fstab as fuse.bindfs it has one
    FsSpec("bindfs", "fuse", 64, mount=("bindfs", "-o", "subtype=bindfs", "{back}/dir", "{mnt}"),
           back=("dir",), needs=(("bindfs", "bindfs"),)),
    # mergerfs creates nothing on a branch with less than minfreespace (default 4G) free
    FsSpec("mergerfs", "fuse", 64,
           mount=("mergerfs", "-o", "minfreespace=0", "{back}/a:{back}/b", "{mnt}"),
           back=("a", "b"), needs=(("mergerfs", "mergerfs"),)),
    # a cheap key derivation (-scryptn 10, default 16): the key protects nothing here
    FsSpec("gocryptfs", "fuse", 64, back=("cipher",), files=(("password", "fsconform\n"),),
           prepare=(("gocryptfs", "-init", "-q", "-scryptn", "10", "-passfile",
                     "{back}/password", "{back}/cipher"),),
           mount=("gocryptfs", "-q", "-passfile", "{back}/password", "{back}/cipher", "{mnt}"),
           needs=(("gocryptfs", "gocryptfs"),)),
    # sshfs against an sshd of our own on 127.0.0.1: its config, host key and the
    # client's key and authorized_keys on the backing tmpfs; ssh reads no user config
    # (-F /dev/null) and writes no known_hosts. sshd insists on /run/sshd.
    FsSpec("sshfs", "fuse", 64, back=("dir",), files=(("sshd_config", SSHD_CONFIG),), clients=2,
           prepare=(("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "{back}/host_key"),
                    ("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "{back}/client_key"),
                    ("cp", "{back}/client_key.pub", "{back}/authorized_keys")),
           server=("/usr/sbin/sshd", "-D", "-e", "-f", "{back}/sshd_config"),
           ready="Server listening on", rundirs=("/run/sshd",),
           mount=("sshfs", "-F", "/dev/null", "-p", "{port}", "-o",
                  "IdentityFile={back}/client_key,IdentitiesOnly=yes,BatchMode=yes,"
                  "StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null,LogLevel=ERROR",
                  "root@127.0.0.1:{back}/dir", "{mnt}"),
           needs=(("sshd", "openssh-server"), ("ssh-keygen", "openssh-client"),
                  ("sshfs", "sshfs"))),
    # Two clients (clients=2): two rclone mounts of the directory, each with its own VFS
    # cache ({client}), are two machines on one cloud drive. The second trusts its
    # listings for 1 s, not 5 min (--dir-cache-time), or it would not show a probe's new
    # sandbox within the harness's 10 s; otherwise both are rclone's defaults. So a file
    # A closed reaches the directory, and B, only after A's write-back delay
    # (--vfs-write-back, 5 s; by hand: 5.0-5.2 s), past a peer helper's set-up wait: the
    # peer probes that need A's file on B report b_found=never (linux-rclone-full).
    # With --vfs-write-back 0s they would run, but the single-client column would change
    # (truncate by path, open O_TRUNC read-only, delete of open files: 16 probes, and a
    # sandbox left unremovable, EIO), so it is not this column any more.
    rclone_mount("full", clients=2, peer_args=("--dir-cache-time", "1s")),
    # davfs2 against rclone serve webdav on 127.0.0.1 (user and password in the secrets
    # file, which must be the mounting user's, mode 600). mount.davfs drops to the user
    # davfs2, which must reach its cache: so the private directory (mode 700) gets group
    # davfs2 and g+x, the cache directory g+rwx. It makes /run/mount.davfs (its pid
    # file) when missing. No subtype: mountinfo shows fuse with the URL as the source,
    # which the fact fs names davfs (harness/facts.py).
    FsSpec("webdav", "fuse", 64, back=("dir", "cache", "rclone-cache"), fs="davfs",
           files=(("davfs2-1.conf", DAVFS2_CONFIG), ("davfs2-2.conf", DAVFS2_PEER_CONFIG),
                  ("secrets", "http://127.0.0.1:{port}/ fsc fsc\n")),
           prepare=(("chmod", "600", "{back}/secrets"),
                    ("chgrp", "davfs2", "{back}/../..", "{back}/cache"),
                    ("chmod", "g+x", "{back}/../.."), ("chmod", "g+rwx", "{back}/cache")),
           server=("rclone", "serve", "webdav", "--addr", "127.0.0.1:{port}", "--user", "fsc",
                   "--pass", "fsc", "--config", "{back}/rclone.conf", "--cache-dir",
                   "{back}/rclone-cache", "{back}/dir"),
           ready="WebDav Server started", rundirs=("/run/mount.davfs",),
           mount=("mount.davfs", "-o", "conf={back}/davfs2-{client}.conf",
                  "http://127.0.0.1:{port}/", "{mnt}"),
           no_landlock=DAVFS2_NODE_REUSE, clients=2,
           exclude=(("delete.rmdir_cwd_other", DAVFS2_CWD_REMOVED),
                    ("dir.getcwd_moved", DAVFS2_CWD_REMOVED),
                    ("dir.mkdir_p_race", DAVFS2_MKDIR_RACE)),
           needs=(("mount.davfs", "davfs2"), ("rclone", "rclone"))),
    # smbnetfs against smbd, both in a network namespace of their own holding only lo
    # (nsenter --net enters only that: the FUSE mount is in ours). The share shows at
    # {mnt}/127.0.0.1/share. smbd says "waiting for connections" (debug level 2) once it
    # listens. HOME (libsmbclient's ~/.smb) is on the backing tmpfs. The second client
    # (clients=2) is a second smbnetfs, its own process and Samba session, as the same
    # user with the same configuration: neither writes there, and smbd takes many
    # sessions of one user.
    FsSpec("smb", "fuse", 64, fs="smbnetfs", netns=True, clients=2, subdir="127.0.0.1/share",
           inodes=False,
           back=("share", "home/.smb", *(f"samba/{d}" for d in (
               "private", "lock", "state", "cache", "pid", "ncalrpc", "binddns"))),
           files=(("smb.conf", SMB_CONFIG), ("password", "fsc\nfsc\n"),
                  ("smbnetfs.conf", SMBNETFS_CONFIG), ("home/.smb/smb.conf", SMBCLIENT_CONFIG)),
           prepare=(("chmod", "600", "{back}/smbnetfs.conf"),
                    ("sh", "-c", "smbpasswd -c {back}/smb.conf -s -a root <{back}/password")),
           server=("nsenter", "--net={netns}", "--", "smbd", "--foreground",
                   "--no-process-group", "--debug-stdout", "--debuglevel=2",
                   "--configfile={back}/smb.conf"),
           ready="waiting for connections",
           exclude=SMBNETFS_EXCLUDE,
           env=(("HOME", "{back}/home"),),
           mount=("nsenter", "--net={netns}", "--", "smbnetfs", "-o",
                  "config={back}/smbnetfs.conf,smb_query_browsers=false", "{mnt}"),
           needs=(("smbd", "samba"), ("smbpasswd", "samba-common-bin"),
                  ("smbnetfs", "smbnetfs"), ("nsenter", "util-linux"),
                  ("unshare", "util-linux"), ("ip", "iproute2"))),
    # rclone mount with no VFS cache: files are streamed to and from the directory, so
    # a file opens for reading or for writing (sequential, from the start), not both.
    rclone_mount("off", clients=2, peer_args=("--dir-cache-time", "1s"), exclude=(("stdio.setvbuf_modes", RCLONE_OFF_READ_WHILE_WRITTEN),
                                 ("concurrency.truncate_reader", RCLONE_OFF_TRUNCATE_READER),
                                 ("mmap.zero_length_file", RCLONE_OFF_CLOSE_FLAKY))),
]

# FAT stores local time (issue 12 item 5): fusefat and exfat-fuse again with their
# daemon in a zone 9 hours east of UTC, without summer time (the offset is the same
# all year). What that does to times read back: expected/linux-fusefat-tz.toml.
# time.local_dst_roundtrip needs the time it sets to read back (its set-up check).
FUSEFAT_TZ_SHIFT = ("its set-up needs a time set to read back as set; through fusefat with "
                    "its daemon in TZ=JST-9 it reads 9 hours early (time.stamp_zone_offset)")


def _zoned(name, *exclude):
    """The recipe `name` again, its daemon in TZ=JST-9: column and profile <name>-tz."""
    s = next(s for s in FILESYSTEMS if s.name == name)
    return replace(s, name=f"{name}-tz", fs=name, env=(("TZ", "JST-9"),),
                   profile=f"linux-{name}-tz", exclude=s.exclude + exclude)


FILESYSTEMS += [_zoned("fusefat", ("time.local_dst_roundtrip", FUSEFAT_TZ_SHIFT)),
                _zoned("exfat-fuse")]

BY_NAME = {s.name: s for s in FILESYSTEMS}
ALIASES = {"ntfs": "ntfs-3g", "ntfs3g": "ntfs-3g", "fat": "fusefat", "vfat": "fusefat",
           "exfat": "exfat-fuse", "overlayfs": "overlay"}


def parse_fs_list(text):
    """--fs ext4,xfs,... -> [FsSpec]; 'all' = every one. Raises HarnessError."""
    out = []
    for raw in text.split(","):
        n = raw.strip().lower()
        if not n:
            continue
        if n == "all":
            out += [s for s in FILESYSTEMS if s not in out]
            continue
        spec = BY_NAME.get(ALIASES.get(n, n))
        if spec is None:
            raise HarnessError(f"--fs: unknown filesystem {raw.strip()!r} "
                               f"(known: {', '.join(BY_NAME)}, or all)")
        if spec not in out:
            out.append(spec)
    if not out:
        raise HarnessError("--fs: no filesystem named")
    return out


def which(program):
    path = os.environ.get("PATH", os.defpath) + os.pathsep + os.pathsep.join(SBIN)
    return shutil.which(program, path=path)


def missing_requirements(specs, which=None, exists=None):
    """One line per missing thing: 'mkfs.xfs (Debian package xfsprogs), needed for xfs'."""
    which = which or globals()["which"]
    exists = exists or os.path.exists
    lines, seen = [], {}
    for s in specs:
        if s.kind == "dir":
            continue
        uses_loop = s.kind == "block" or (s.kind == "fuse" and s.loop and bool(s.mkfs))
        needs = [t for t in MOUNT_TOOLS if uses_loop or t[0] != "losetup"] + list(s.needs)
        for prog, pkg in needs:
            if which(prog) is None:
                seen.setdefault((prog, f"{prog} (Debian package {pkg})"), []).append(s.name)
        if s.kind == "fuse" and not exists("/dev/fuse"):
            seen.setdefault(("/dev/fuse", "/dev/fuse (the fuse kernel module: modprobe fuse; "
                                          "in a container, pass the device in)"),
                            []).append(s.name)
        if uses_loop:
            if not exists("/dev/loop-control"):
                seen.setdefault(("loop", "/dev/loop-control (the loop kernel module: "
                                         "modprobe loop)"), []).append(s.name)
    for (_key, what), users in seen.items():
        lines.append(f"{what}, needed for {', '.join(users)}")
    return lines


