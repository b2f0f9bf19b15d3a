#!/usr/bin/env python3
"""Interrupt `python3 -m harness fsmatrix` half way and check it left nothing behind.

Usage (root, from the repository root):
    python3 runners/fsmatrix-interrupt-check.py [--build DIR] [--signal INT|TERM|HUP]
                                                [--fs LIST] [--after FS]... [--second]

Starts the matrix, reads its progress (stderr) until filesystem FS reports "mounted at"
(with --second: its second client, or the bind mount that is its peer, so both clients
are mounted), sends the signal, and then checks: the exit status is 128 + signal, no mount and no loop device under
the matrix's private directory remains (findmnt, losetup -a), the private directory
is gone, no FUSE daemon serving it still runs, and nothing new appeared where daemons
write by default ($HOME/.config, $HOME/.cache, $HOME/.local/share: rclone, for one;
davfs2's /var/cache/davfs2, ~/.davfs2 and /run/mount.davfs; Samba's /etc/samba,
/var/lib/samba, /var/cache/samba, /var/log/samba, /run/samba and ~/.smb, searched
through), and no network namespace is left (smb's, holding Samba and smbnetfs).
Each --after FS is one such run, in turn, of the matrix with FS alone (`fsmatrix --fs
FS`; FS must be one of --fs LIST when that is given): what is proven is that an
interrupt while FS's mounts, daemons and servers are up leaves nothing, and the columns
the whole matrix would run before FS add nothing to that but their own run time (it
made the check quadratic). Without --after, the matrix of --fs LIST (default: all) is
interrupted at its first filesystem. It synchronises on the command's output, never on
sleeps. Exit 0 when every run was clean, 1 with a list of what was left.
"""

import argparse
import os
import re
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PLACES = [os.path.join(os.path.expanduser("~"), d)
                  for d in (".config", ".cache", ".local/share")] + ["/var/cache/davfs2"]
# what a daemon makes when missing (davfs2: its user configuration, its pid directory)
DEFAULT_DIRS = [os.path.expanduser("~/.davfs2"), "/run/mount.davfs"]
# Samba's defaults (smbd, smbpasswd, samba-dcerpcd), every file below them
SAMBA_TREES = ["/etc/samba", "/var/lib/samba", "/var/cache/samba", "/var/log/samba",
               "/run/samba", os.path.expanduser("~/.smb")]


def entries(dirs):
    """The names in `dirs` (the places a daemon writes to by default)."""
    out = set()
    for d in dirs:
        try:
            out |= {os.path.join(d, n) for n in os.listdir(d)}
        except OSError:
            pass
    return out


def tree(dirs):
    """Every path below `dirs`, with its size and modification time."""
    out = set()
    for top in dirs:
        for d, subdirs, files in os.walk(top):
            for n in subdirs + files:
                try:
                    st = os.lstat(os.path.join(d, n))
                except OSError:
                    continue
                out.add((os.path.join(d, n), st.st_size, st.st_mtime_ns))
    return out


def net_namespaces():
    """{namespace: [pid, ...]} of every process's network namespace."""
    out = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            st = os.stat(f"/proc/{pid}/ns/net")
        except OSError:
            continue
        out.setdefault((st.st_dev, st.st_ino), []).append(int(pid))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default="build")
    p.add_argument("--signal", default="INT", choices=["INT", "TERM", "HUP"])
    p.add_argument("--fs", default=None,
                   help="fsmatrix --fs LIST without --after (default: all); "
                        "the names --after may take")
    p.add_argument("--after", action="append", default=[],
                   help="filesystem to run alone and wait for (default: the first of "
                        "--fs); repeatable")
    p.add_argument("--second", action="store_true",
                   help="wait until its second client (clients=2) is mounted too")
    a = p.parse_args()
    unknown = [x for x in a.after if a.fs and x not in a.fs.split(",")]
    if unknown:
        p.error(f"--after {', '.join(unknown)}: not in --fs {a.fs}")
    status = 0
    for after in a.after or [None]:
        print(f"== interrupt after {after or 'the first filesystem'} is mounted")
        status |= check(a, after)
    return status


def matrix_command(build, fs, after):
    """The matrix to interrupt: FS `after` alone, else the filesystems `fs` (None: all)."""
    cmd = [sys.executable, "-m", "harness", "--build", build, "fsmatrix"]
    return cmd + ["--fs", after or fs] if after or fs else cmd


def check(a, after):
    sig = getattr(signal, "SIG" + a.signal)
    cmd = matrix_command(a.build, a.fs, after)
    before = entries(DEFAULT_PLACES) | {d for d in DEFAULT_DIRS if os.path.lexists(d)}
    samba_before, ns_before = tree(SAMBA_TREES), set(net_namespaces())
    proc = subprocess.Popen(cmd, cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    private = None
    seen = []
    for line in proc.stderr:
        seen.append(line.rstrip("\n"))
        print("  | " + line.rstrip("\n"))
        m = re.match(r"fsmatrix: (\S+): .*mounted at (\S+)/[^/]+/(mnt|peer)( as the peer)?$",
                     line.rstrip("\n"))
        if m and (m.group(3) == "peer") != a.second:
            continue
        if m and (after is None or m.group(1) == after):
            private = m.group(2)
            print(f"-> {m.group(1)} is mounted; sending SIG{a.signal} to {proc.pid}")
            proc.send_signal(sig)
            break
    for line in proc.stderr:            # the rest, until it exits
        print("  | " + line.rstrip("\n"))
    out = proc.stdout.read()
    rc = proc.wait()
    for line in out.splitlines():
        print("  > " + line)
    if private is None:
        print("never saw a filesystem mounted", file=sys.stderr)
        return 1
    left = []
    if rc != 128 + sig:
        left.append(f"exit status {rc}, expected {128 + sig}")
    mounts = subprocess.run(["findmnt", "-rn", "-o", "TARGET,SOURCE,FSTYPE"],
                            capture_output=True, text=True).stdout
    loops = subprocess.run(["losetup", "-a"], capture_output=True, text=True).stdout
    left += [f"mount: {x}" for x in mounts.splitlines() if private in x]
    left += [f"loop device: {x}" for x in loops.splitlines() if private in x]
    if os.path.exists(private):
        left.append(f"directory {private} still exists")
    left += [f"new outside the private directory: {x}"
             for x in sorted(entries(DEFAULT_PLACES) - before)]
    left += [f"new outside the private directory: {d}"
             for d in DEFAULT_DIRS if os.path.lexists(d) and d not in before]
    left += [f"changed outside the private directory: {x[0]}"
             for x in sorted(tree(SAMBA_TREES) - samba_before)]
    left += [f"network namespace {ns[1]}: processes {pids}"
             for ns, pids in net_namespaces().items() if ns not in ns_before]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().decode("utf-8", "replace")
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if private in args and state != "Z":
            left.append(f"process {pid}: {args.replace(chr(0), ' ')}")
    print(f"exit status {rc}; findmnt lines under {private}: "
          f"{sum(private in x for x in mounts.splitlines())}; losetup -a lines: "
          f"{sum(private in x for x in loops.splitlines())}; directory exists: "
          f"{os.path.exists(private)}")
    if left:
        print("LEFT BEHIND:\n  " + "\n  ".join(left))
        return 1
    print("clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
