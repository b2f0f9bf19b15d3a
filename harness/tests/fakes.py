"""Fake builds for the self-tests: shell/Python scripts standing in for probes, a
hand-written manifest and fixture profiles, all in a temporary directory."""

import atexit
import contextlib
import importlib.machinery
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Scripts for common behaviours (POSIX sh starts fastest).
PASS = "#!/bin/sh\necho rename=ok\necho read=old\n"


def script_module(path):
    """The script at `path` (a runner without .py, say) imported as a module."""
    name = os.path.basename(path).replace("-", "_").split(".")[0]
    loader = importlib.machinery.SourceFileLoader(name, path)
    mod = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader))
    loader.exec_module(mod)
    return mod


def sh(body):
    return "#!/bin/sh\n" + textwrap.dedent(body).lstrip("\n")


def py(body):
    return "#!/usr/bin/env python3\n" + textwrap.dedent(body).lstrip("\n")


_sentinel = []


def sentinel():
    """harness/sentinel.c compiled with cc, once per test process, into a temporary
    directory (removed at exit); "" where it does not apply (not Linux)."""
    if not sys.platform.startswith("linux"):
        return ""
    if not _sentinel:
        tmp = tempfile.mkdtemp(prefix="fsc-sentinel-")
        atexit.register(shutil.rmtree, tmp, True)
        exe = os.path.join(tmp, "fsc-sentinel")
        subprocess.run(["cc", "-O2", "-o", exe, os.path.join(REPO, "harness", "sentinel.c")],
                       check=True, timeout=120)
        _sentinel.append(exe)
    return _sentinel[0]


class FakeBuild:
    """root/ is the source dir (expected/, cases/), root/build the build dir,
    root/target the directory under test."""

    def __init__(self, probes, profiles=None, emulator=None, system="Linux", needs=None,
                 contained=True, backend="posix"):
        self.root = tempfile.mkdtemp(prefix="fsc-test-")
        self.build = os.path.join(self.root, "build")
        self.target = os.path.join(self.root, "target")
        self.expected = os.path.join(self.root, "expected")
        for d in (self.build, self.target, self.expected, os.path.join(self.build, "probes")):
            os.makedirs(d, exist_ok=True)
        entries = []
        for pid, script in probes.items():
            area, name = pid.split(".", 1)
            exe = os.path.join(self.build, "probes", pid)
            with open(exe, "w") as f:
                f.write(script)
            os.chmod(exe, 0o755)
            src = os.path.join(self.root, "cases", area, name + ".c")
            os.makedirs(os.path.dirname(src), exist_ok=True)
            with open(src, "w") as f:
                need = f" *\n * Needs: {needs[pid]}\n" if pid in (needs or {}) else ""
                f.write(f"/*\n * {pid} \u2014 a fake probe for the self-tests\n *\n"
                        f" * It prints canned observations.\n{need} */\n"
                        f"int main(void) {{ return 0; }}\n")
            entries.append({"id": pid, "area": area, "source": src, "exe": exe})
        self.manifest = {"version": 1, "source_dir": self.root, "build_dir": self.build,
                         "system": system, "backend": backend, "emulator": emulator or [],
                         "sentinel": sentinel() if contained else "", "probes": entries}
        with open(os.path.join(self.build, "fsconform.json"), "w") as f:
            json.dump(self.manifest, f)
        for name, text in (profiles or {}).items():
            self.profile(name, text)

    def profile(self, name, text):
        with open(os.path.join(self.expected, name + ".toml"), "w") as f:
            f.write(textwrap.dedent(text).lstrip("\n"))

    def cleanup(self):
        def onerror(func, path, exc):
            os.chmod(os.path.dirname(path), 0o700)
            func(path)
        shutil.rmtree(self.root, onerror=onerror)

    def base_args(self, target=True):
        args = ["--build", self.build]
        if target:
            args += ["--target", self.target]
        return args

    def main(self, *args, target=True):
        """The CLI in-process: (exit status, stdout, stderr)."""
        from harness.cli import main
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args[:1]) + self.base_args(target) + list(args[1:]))
        return code, out.getvalue(), err.getvalue()

    def cli(self, *args, target=True, env=None):
        """The CLI as users run it: python3 -m harness, a separate process."""
        e = dict(os.environ, PYTHONPATH=REPO)
        e.update(env or {})
        return subprocess.run([sys.executable, "-m", "harness", *args[:1],
                               *self.base_args(target), *args[1:]],
                              cwd=self.root, env=e, capture_output=True, text=True,
                              timeout=60)

    def leftovers(self):
        return [n for n in os.listdir(self.target) if n.startswith("fsc-")]


def pid_alive(pid):
    """True if pid exists and is not a zombie (PID 1 here may not reap orphans)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
