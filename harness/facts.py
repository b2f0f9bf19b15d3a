"""Platform facts: what profiles match on and what reports record.

Facts are strings: os, host_os, fs, fstype, root, wine, wine_version, backend,
backend_version; plus `emulator` (a list, recorded only). `os` is the system the probes
run as. Natively that is the host. Through an emulator only the probe's side knows: the
harness runs a probe with `--fsc-platform`, and the runtime answers `os=windows` and
`wine=<version>` when Wine's ntdll exports wine_get_version (`wine=none` on real
Windows). The probe also names its backend and the backend's library version
(`backend=crt-glibc`, `backend_version=2.36`): asked whenever the build's backend is not
the native one, since only the linked library knows which variant and version it is.
"""

import contextlib
import errno
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import uuid

from harness import HarnessError
from harness.printable import escape

_OS_NAMES = {"darwin": "macos"}
# The operations layer's own backends (DESIGN.md): the platform's calls, no library.
NATIVE_BACKENDS = ("", "native", "posix", "win32")


def os_name(system):
    s = (system or "").strip().lower()
    if s.startswith(("cygwin", "msys", "mingw")):
        s = "windows"
    return _OS_NAMES.get(s, s)


# Below this much free space or these many free inodes a run would report what a full
# filesystem does (ENOSPC, short writes) as platform differences. The whole suite needs
# well under 1 MiB at -j 8; FSCONFORM_MIN_FREE_MIB sets another figure (0: no check).
MIN_FREE_MIB = 8
MIN_FREE_INODES = 1000


def _shown(path):
    s = escape(path)
    return s if len(s) <= 80 else s[:60] + f"... ({len(os.fsencode(path))} bytes)"


def check_free_space(path):
    """Raise a one-line HarnessError when the target is (nearly) full."""
    raw = os.environ.get("FSCONFORM_MIN_FREE_MIB", "")
    try:
        min_mib = int(raw) if raw else MIN_FREE_MIB
    except ValueError:
        raise HarnessError(f"FSCONFORM_MIN_FREE_MIB={escape(raw)}: not a number of MiB") from None
    if min_mib <= 0:
        return
    how = f"(set FSCONFORM_MIN_FREE_MIB to lower the limit of {min_mib} MiB)"
    free = shutil.disk_usage(path).free
    if free < min_mib << 20:
        raise HarnessError(f"target directory {_shown(path)} is nearly full: "
                           f"{free >> 10} KiB free, the suite wants {min_mib} MiB {how}")
    st = os.statvfs(path) if hasattr(os, "statvfs") else None
    if st and st.f_files and st.f_favail < MIN_FREE_INODES:   # f_files 0: no inode limit
        raise HarnessError(f"target directory {_shown(path)} is nearly full: {st.f_favail} "
                           f"inodes free, the suite wants {MIN_FREE_INODES} {how}")


def check_target(path):
    """Raise a one-line HarnessError unless `path` is an existing writable directory
    with room for the probes."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise HarnessError(f"target {_shown(path)} is not valid UTF-8: reports could not "
                           f"name it (use a UTF-8 path or a symlink to it)") from None
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise HarnessError(f"target directory {_shown(path)} does not exist") from None
    except OSError as e:
        if e.errno == errno.ENAMETOOLONG:
            raise HarnessError(f"target {_shown(path)} is too long a path for this system "
                               f"({e.strerror}); use a shorter one or a symlink") from None
        raise HarnessError(f"target directory {_shown(path)}: {e.strerror}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise HarnessError(f"target {_shown(path)} is not a directory")
    # a directory, as a sandbox is: removing a file just closed can fail where the close
    # reaches the server after the unlink (smbnetfs: EBUSY, Windows' open-file rule)
    probe = os.path.join(path, f".fsc-write-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        os.mkdir(probe, 0o700)
    except OSError as e:
        raise HarnessError(f"target directory {_shown(path)} is not writable "
                           f"({e.strerror})") from None
    try:
        os.rmdir(probe)
    except OSError as e:
        raise HarnessError(f"target directory {_shown(path)}: cannot remove a test "
                           f"directory ({e.strerror})") from None
    check_free_space(path)


def check_peer(peer, target):
    """Raise a one-line HarnessError unless `peer` (run --peer) is an existing
    directory other than `target`: the same directory seen through a second mount."""
    try:
        st = os.stat(peer)
    except OSError as e:
        raise HarnessError(f"--peer {_shown(peer)}: {e.strerror}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise HarnessError(f"--peer {_shown(peer)} is not a directory")
    if os.path.realpath(peer) == os.path.realpath(target):
        raise HarnessError(f"--peer {_shown(peer)} is the target itself: give the target "
                           f"as seen through a second mount")


_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(s):
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), s)


def _is_under(path, mount_point):
    if mount_point == "/":
        return True
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def linux_mount(path, mountinfo="/proc/self/mountinfo"):
    """(mount point, fstype, source) of the mount holding `path`, or None: the longest
    mount-point prefix; the last one listed wins among equal mount points (it is
    mounted over the others)."""
    real = os.path.realpath(path)
    best, best_len = None, -1
    try:
        with open(mountinfo, encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        try:
            sep = fields.index("-", 6)
            mount_point = _unescape(fields[4])
            fstype = _unescape(fields[sep + 1])
            source = _unescape(fields[sep + 2]) if len(fields) > sep + 2 else ""
        except (ValueError, IndexError):
            continue
        if _is_under(real, mount_point) and len(mount_point) >= best_len:
            best, best_len = (mount_point, fstype, source), len(mount_point)
    return best


def mounts_under(top, mountinfo="/proc/self/mountinfo"):
    """Mount points at or below `top` (Linux; none where there is no mountinfo)."""
    top = os.path.realpath(top).rstrip("/") + "/"
    out = []
    try:
        with open(mountinfo, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.split()
                if len(fields) > 4:
                    mp = _unescape(fields[4])
                    if (mp + "/").startswith(top):
                        out.append(mp)
    except OSError:
        pass
    return out


# FUSE mounts all look alike to the kernel: mountinfo's fstype is "fuse" or "fuseblk"
# (a daemon on a block device), or "fuse.<subtype>" / "fuseblk.<subtype>" when the
# daemon names itself. The fact `fs` names the FUSE filesystem instead, by this rule:
#   1. a subtype is the name: "fuse.fusefat" -> fs = "fusefat" (one that names a kernel
#      filesystem is mapped, FUSE_BY_SUBTYPE: "fuse.ext4" -> "fuse2fs");
#   2. without one, the on-disk format of the mount's source (the block device or image
#      file in mountinfo's source field) names the daemon that implements it under FUSE:
#      an NTFS boot sector -> "ntfs-3g", an exFAT one -> "exfat-fuse";
#   3. a "fuse" mount whose source is an http:// or https:// URL is davfs2 (which names
#      no subtype; mountinfo: "fuse http://127.0.0.1:PORT/"): fs = "davfs", its type in
#      fstab;
#   4. otherwise (source unreadable, e.g. not root, or another format) fs stays the
#      kernel's "fuse" / "fuseblk".
# The kernel's own fstype is kept in the fact `fstype`. Observed on Debian 12 with
# Linux 6.18: ntfs-3g on a loop device and mount.exfat-fuse show "fuseblk /dev/loopN",
# fusefat shows "fuse.fusefat fusefat".
FUSE_BY_FORMAT = {"ntfs": "ntfs-3g", "exfat": "exfat-fuse"}
# A subtype that names a kernel filesystem is a FUSE implementation of its format, not
# the kernel driver: fuse2fs (e2fsprogs 1.47) mounts as "fuse.ext4" (ext2/ext3 images as
# fuse.ext2/fuse.ext3), and must not get kernel ext4's profile.
FUSE_BY_SUBTYPE = {"ext2": "fuse2fs", "ext3": "fuse2fs", "ext4": "fuse2fs"}


def disk_format(head):
    """The filesystem format named by the first sector(s) `head` (bytes), or None."""
    if len(head) < 512 or head[510:512] != b"\x55\xaa":
        return None
    if head[3:11] == b"NTFS    ":
        return "ntfs"
    if head[3:11] == b"EXFAT   ":
        return "exfat"
    if head[54:59] == b"FAT12" or head[54:59] == b"FAT16" or head[82:87] == b"FAT32":
        return "vfat"
    return None


def _read_head(source, size=4096):
    if not source.startswith("/"):
        return b""
    try:
        with open(source, "rb", buffering=0) as f:
            return f.read(size)
    except OSError:
        return b""


def fuse_fs_name(fstype, source, read_head=_read_head):
    """The `fs` fact of a mount with kernel type `fstype` (the rule above)."""
    base, dot, subtype = fstype.partition(".")
    if base not in ("fuse", "fuseblk"):
        return fstype
    if dot and subtype:
        return FUSE_BY_SUBTYPE.get(subtype, subtype)
    if base == "fuse" and source.startswith(("http://", "https://")):
        return "davfs"
    return FUSE_BY_FORMAT.get(disk_format(read_head(source)), fstype)


def linux_fs_types(path, mountinfo="/proc/self/mountinfo", read_head=_read_head):
    """(fs, fstype): the normalised filesystem name and the kernel's type."""
    m = linux_mount(path, mountinfo)
    if m is None:
        return "unknown", "unknown"
    _point, fstype, source = m
    return fuse_fs_name(fstype, source, read_head), fstype


def _bsd_fs_type(path):
    """macOS / FreeBSD: `mount` lists `dev on /point (type, options)`."""
    real = os.path.realpath(path)
    try:
        out = subprocess.run(["mount"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    best, best_len = "unknown", -1
    for line in out.splitlines():
        m = re.match(r".* on (.+) \(([^,)]+)", line)
        if m and _is_under(real, m.group(1)) and len(m.group(1)) >= best_len:
            best, best_len = m.group(2).strip(), len(m.group(1))
    return best


def _windows_fs_type(path):
    import ctypes
    root = os.path.splitdrive(os.path.realpath(path))[0] + "\\"
    buf = ctypes.create_unicode_buffer(64)
    ok = ctypes.windll.kernel32.GetVolumeInformationW(
        ctypes.c_wchar_p(root), None, 0, None, None, None, buf, len(buf))
    return buf.value.lower() if ok else "unknown"


def fs_types(path):
    """(fs, fstype): the filesystem's name for profiles (FUSE daemons told apart, see
    fuse_fs_name) and the type the system reports."""
    host = os_name(platform.system())
    try:
        if host == "linux":
            return linux_fs_types(path)
        t = _windows_fs_type(path) if host == "windows" else _bsd_fs_type(path)
        return t, t
    except Exception:  # a fact we cannot get is "unknown", never a crash
        return "unknown", "unknown"


def fs_type(path):
    return fs_types(path)[0]


def is_root():
    if hasattr(os, "geteuid"):
        return os.geteuid() == 0
    try:
        import ctypes
        return bool(ctypes.windll.shell32.IsUserAnAdmin())
    except Exception:
        return False


WINE_WRAPPER = "fsc-wine"   # BUILD/fsc-wine, made by CMake from cmake/fsc-wine.in


def _emulator_env():
    env = dict(os.environ)
    env.setdefault("WINEDEBUG", "-all")
    return env


def _wine_wrapper(emulator):
    """BUILD/fsc-wine if that is the emulator, else None."""
    if emulator and os.path.basename(emulator[0]) == WINE_WRAPPER:
        return emulator[0]
    return None


def prepare_emulator(emulator):
    """Make the emulator ready before any probe runs; True if this call started its
    session. The build's fsc-wine wrapper creates its Wine prefix on first use (seconds,
    which must not count against a probe's timeout; it locks, so parallel harnesses wait
    for one creation) and starts the prefix's wineserver and Wine's background services
    outside every probe, with their output in a log: started by a probe, they would
    hold its output open until the session ends (see cmake/fsc-wine.in)."""
    wrapper = _wine_wrapper(emulator)
    if wrapper is None:
        return False
    try:
        p = subprocess.run([wrapper, "--init"], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, errors="replace",
                           env=_emulator_env(), timeout=600)
    except (OSError, subprocess.SubprocessError) as e:
        raise HarnessError(f"cannot prepare the Wine session with {wrapper}: {e}") from None
    said = p.stderr.strip().splitlines()
    if p.returncode != 0:
        raise HarnessError("cannot prepare the Wine session: " + (said[-1] if said else
                           f"{wrapper} --init exited with status {p.returncode}"))
    for line in said:   # "creating the Wine prefix": what the wait was
        print(line, file=sys.stderr)
    return p.stdout.split() == ["started"]


def stop_emulator(emulator):
    """End the session prepare_emulator started: no Wine process outlives the run."""
    wrapper = _wine_wrapper(emulator)
    try:
        subprocess.run([wrapper, "--stop"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, env=_emulator_env(), timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        print(f"fsconform: cannot stop the Wine session with {wrapper}: {e}", file=sys.stderr)


@contextlib.contextmanager
def emulator_session(emulator):
    """The emulator's session for the length of a command: started before the first
    probe (prepare_emulator) and, if this command started it, stopped at its end."""
    started = prepare_emulator(emulator)
    try:
        yield
    finally:
        if started:
            stop_emulator(emulator)


def probe_platform(emulator, probe_exe):
    """What a probe run through `emulator` says it runs on: {"os": ..., "wine": ...}."""
    argv = list(emulator) + [probe_exe, "--fsc-platform"]
    try:
        p = subprocess.run(argv, capture_output=True, text=True, errors="replace",
                           stdin=subprocess.DEVNULL, env=_emulator_env(), timeout=120)
    except (OSError, subprocess.SubprocessError) as e:
        raise HarnessError(f"cannot run {' '.join(argv)}: {e}") from None
    said = dict(line.split("=", 1) for line in p.stdout.splitlines() if "=" in line)
    if p.returncode != 0 or not said.get("os"):
        raise HarnessError(f"{' '.join(argv)} did not name its platform "
                           f"(exit {p.returncode}): rebuild the probes")
    return said


def detect(target, manifest):
    """The facts of `target` and the build; through an emulator, call it inside
    emulator_session (asking a probe what it runs on is the emulator's first use)."""
    host = os_name(platform.system())
    emulator = list(manifest.emulator)
    fs, fstype = fs_types(target)
    facts = {
        "os": host,
        "host_os": host,
        "fs": fs,
        "fstype": fstype,
        "root": "true" if is_root() else "false",
        "wine": "false",
        "backend": manifest.backend or "native",
        "emulator": emulator,
    }
    if manifest.system:
        facts["os"] = os_name(manifest.system)
    if (emulator or facts["backend"] not in NATIVE_BACKENDS) and manifest.probes:
        said = probe_platform(emulator, manifest.probes[0].exe)
        facts["os"] = os_name(said["os"])
        if said.get("wine", "none") != "none":
            facts["wine"] = "true"
            facts["wine_version"] = said["wine"]
        facts["backend"] = said.get("backend") or facts["backend"]
        if said.get("backend_version", "none") != "none":
            facts["backend_version"] = said["backend_version"]
    return facts


def wine_as_root(facts):
    """The one-line warning for a Wine run as root, or None."""
    if facts.get("wine") == "true" and facts.get("root") == "true":
        return ("warning: Wine runs as root here, and root ignores the read-only "
                "attribute Windows enforces: results for read-only files are not "
                "Windows-like (run the Wine leg as an unprivileged user)")
    return None


def describe(facts):
    keys = ("os", "fs", "root", "wine", "backend")
    said = " ".join(f"{k}={facts.get(k)}" for k in keys)
    return said + (f" backend_version={facts['backend_version']}"
                   if facts.get("backend_version") else "")
