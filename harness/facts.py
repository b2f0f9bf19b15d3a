"""Platform facts: what profiles match on and what reports record.

Facts are strings: os, host_os, fs, root, wine, backend, system; plus `emulator`
(a list, recorded only). `os` is the system the probes run as: the manifest's
`system` (the CMake target system: "Windows" for a mingw build run under Wine),
falling back to the host when the manifest does not say.
"""

import os
import platform
import re
import subprocess
import uuid

from harness import HarnessError

_OS_NAMES = {"darwin": "macos"}


def os_name(system):
    s = (system or "").strip().lower()
    if s.startswith(("cygwin", "msys", "mingw")):
        s = "windows"
    return _OS_NAMES.get(s, s)


def check_target(path):
    """Raise a one-line HarnessError unless `path` is an existing writable directory."""
    if not os.path.exists(path):
        raise HarnessError(f"target directory {path} does not exist")
    if not os.path.isdir(path):
        raise HarnessError(f"target {path} is not a directory")
    probe = os.path.join(path, f".fsc-write-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as e:
        raise HarnessError(f"target directory {path} is not writable ({e.strerror})") from None
    os.close(fd)
    try:
        os.unlink(probe)
    except OSError as e:
        raise HarnessError(f"target directory {path}: cannot remove a test file ({e.strerror})") from None


_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(s):
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), s)


def _is_under(path, mount_point):
    if mount_point == "/":
        return True
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def linux_fs_type(path, mountinfo="/proc/self/mountinfo"):
    """fstype of the mount holding `path`: the longest mount-point prefix; the last
    one listed wins among equal mount points (it is mounted over the others)."""
    real = os.path.realpath(path)
    best, best_len = None, -1
    try:
        with open(mountinfo, encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return "unknown"
    for line in lines:
        fields = line.split()
        try:
            sep = fields.index("-", 6)
            mount_point = _unescape(fields[4])
            fstype = fields[sep + 1]
        except (ValueError, IndexError):
            continue
        if _is_under(real, mount_point) and len(mount_point) >= best_len:
            best, best_len = _unescape(fstype), len(mount_point)
    return best or "unknown"


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


def fs_type(path):
    host = os_name(platform.system())
    try:
        if host == "linux":
            return linux_fs_type(path)
        if host == "windows":
            return _windows_fs_type(path)
        return _bsd_fs_type(path)
    except Exception:  # a fact we cannot get is "unknown", never a crash
        return "unknown"


def is_root():
    if hasattr(os, "geteuid"):
        return os.geteuid() == 0
    try:
        import ctypes
        return bool(ctypes.windll.shell32.IsUserAnAdmin())
    except Exception:
        return False


def detect(target, manifest):
    host = os_name(platform.system())
    emulator = list(manifest.emulator)
    wine = any("wine" in os.path.basename(x).lower() for x in emulator[:1])
    return {
        "os": os_name(manifest.system) or host,
        "host_os": host,
        "fs": fs_type(target),
        "root": "true" if is_root() else "false",
        "wine": "true" if wine else "false",
        "backend": manifest.backend or "native",
        "emulator": emulator,
    }


def describe(facts):
    keys = ("os", "fs", "root", "wine", "backend")
    return " ".join(f"{k}={facts.get(k)}" for k in keys)
