"""The filesystems `harness fsmatrix` can make: one recipe (FsSpec) each, as data.

A recipe says what to install (programs and their Debian packages), how to make it
(mkfs on a sparse image, or directories on a tmpfs of its own and an init step), how to
mount it (kernel driver on a loop device, or a FUSE daemon's argv), and what its run
needs (a named profile, probes left out with the reason). harness/fssetup.py turns a
recipe into a mount and undo steps; adding a column is adding a recipe here.
"""

import os
import shutil
from dataclasses import dataclass

from harness import HarnessError

SBIN = ("/usr/local/sbin", "/usr/sbin", "/sbin")


@dataclass
class FsSpec:
    """One filesystem the matrix can create. `kind`: block (kernel driver on a loop
    device), fuse (a FUSE daemon), tmpfs, overlay, dir (an existing directory).
    A FUSE `mount` (and each `prepare` step) is an argv template: {source} is the
    image (or its loop device), {mnt} the mount point, {back} the backing tmpfs."""
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
    inodes: bool = True        # False: its statfs inode counts mean nothing (no check)
    exclude: tuple = ()        # (probe id, why): probes that would damage the column
    fs: str = ""               # the `fs` fact it shows, if not its name
    profile: str = ""          # the profile to use, if the facts cannot choose it
    path: str = ""             # kind dir: the directory


MOUNT_TOOLS = (("losetup", "mount"), ("mount", "mount"), ("umount", "mount"))

FILESYSTEMS = [
    FsSpec("ext4", "block", 64, ("mkfs.ext4", "-q", "-F"), ("-t", "ext4"),
           needs=(("mkfs.ext4", "e2fsprogs"),)),
    # mkfs.xfs (xfsprogs 6.1) refuses anything under 300 MB.
    FsSpec("xfs", "block", 300, ("mkfs.xfs", "-q", "-f"), ("-t", "xfs"),
           needs=(("mkfs.xfs", "xfsprogs"),)),
    # mkfs.btrfs (btrfs-progs 6.2): "minimum size for each btrfs device is 114294784".
    FsSpec("btrfs", "block", 128, ("mkfs.btrfs", "-q", "-f"), ("-t", "btrfs"),
           needs=(("mkfs.btrfs", "btrfs-progs"),)),
    FsSpec("tmpfs", "tmpfs", 64),
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
           loop=False, needs=(("mkfs.vfat", "dosfstools"), ("fusefat", "fusefat"))),
    # mount.exfat-fuse wants a block device ("fuse: mount failed: Block device required")
    FsSpec("exfat-fuse", "fuse", 64, ("mkfs.exfat",), ("mount.exfat-fuse", "{source}", "{mnt}"),
           needs=(("mkfs.exfat", "exfatprogs"), ("mount.exfat-fuse", "exfat-fuse"))),
]
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


