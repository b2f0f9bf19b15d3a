#!/usr/bin/env python3
"""Compile every probe for the platforms this machine cannot run.

    python3 runners/compile-check.py [--leg NAME ...] [--cases DIR] [--jobs N]

Four legs, each over every probe (DIR/<area>/<name>.c) and the runtime of its platform
(DIR/lib: the native backend, the C runtime's and Rust's, which calls only its own Rust
functions; libuv's, APR's and Go's need their libraries' or cgo's headers and are left
out), all with `-std=c11 -pedantic -Werror`, the project's warnings (read from
CMakeLists.txt) and -fsyntax-only:

  windows-gcc    x86_64-w64-mingw32-gcc, with CMakeLists.txt's MinGW definitions
  windows-clang  clang --target=x86_64-w64-mingw32 (mingw-w64's headers), the same
                 Both catch what MSVC's C11 mode would refuse and GCC accepts: statement
                 expressions, zero-length arrays, an enumerator beyond int, ...
  macos          clang with __APPLE__ and __MACH__ defined and Linux's own macros
                 (__linux__, __gnu_linux__, __unix__, __ELF__) undefined
  freebsd        clang with __FreeBSD__=14 defined and Linux's macros undefined

The macos and freebsd legs compile against this machine's headers (glibc's: no SDK of
either system is installable here), so they prove every `#ifdef __APPLE__` /
`__FreeBSD__` branch preprocesses and, where it uses only what glibc declares too,
compiles. `_DEFAULT_SOURCE` stands in for those systems' default visibility, which
shows POSIX and BSD calls under -std=c11 where glibc would hide them. A branch that
names what glibc lacks is only preprocessed: PREPROCESS_ONLY lists it with the errors
its compile may give, and every other error still fails (a header that does not exist,
a syntax error) — so does a listed source that compiles cleanly (the entry is stale).

Exit 0 = every source compiled, 1 = a finding, 2 = cannot run (a compiler missing).
"""

import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STRICT = ["-std=c11", "-pedantic", "-Werror", "-fsyntax-only"]
NOT_LINUX = ["-U__linux__", "-U__linux", "-U__gnu_linux__", "-U__unix__", "-U__unix",
             "-U__ELF__", "-D_DEFAULT_SOURCE="]
WIN32_RUNTIME = ["fsc_core.c", "fsc_errno.c", "fsc_win32.c", "fsc_win32_names.c",
                 "ops_win32.c", "ops_crt.c", "ops_rust.c"]
POSIX_RUNTIME = ["fsc_core.c", "fsc_errno.c", "fsc_posix.c", "ops_posix.c", "ops_crt.c",
                 "ops_rust.c"]
# what CMakeLists.txt defines for one source (ops_rust.c: rustc's version)
DEFINES = {"lib/ops_rust.c": ['-DFSC_RUST_VERSION="0"']}
# leg -> (compiler and its platform's flags, runtime sources in DIR/lib, apt package)
LEGS = {
    "windows-gcc": (["x86_64-w64-mingw32-gcc"], WIN32_RUNTIME, "gcc-mingw-w64-x86-64"),
    "windows-clang": (["clang", "--target=x86_64-w64-mingw32"], WIN32_RUNTIME,
                      "clang gcc-mingw-w64-x86-64"),
    "macos": (["clang", *NOT_LINUX, "-D__APPLE__=1", "-D__MACH__=1"], POSIX_RUNTIME, "clang"),
    "freebsd": (["clang", *NOT_LINUX, "-D__FreeBSD__=14", "-D__unix__=1"], POSIX_RUNTIME,
                "clang"),
}
# (leg, source relative to DIR) -> (the errors its compile may give, why)
PREPROCESS_ONLY = {
    ("macos", "lib/ops_posix.c"): (
        r"no member named 'st_[amc]timespec' in 'struct stat'",
        "macOS's struct stat names its times st_atimespec, st_mtimespec, st_ctimespec; "
        "glibc's has st_atim, st_mtim, st_ctim"),
}


def cmake_flags():
    """The project's warnings and, for the Windows legs, the MinGW definitions, as
    CMakeLists.txt gives them to fscrt (and so to every probe)."""
    text = open(os.path.join(REPO, "CMakeLists.txt"), encoding="utf-8").read()
    warnings = re.search(r"target_compile_options\(fscrt PUBLIC (-W[^)]*)\)", text)
    mingw = re.search(r"target_compile_definitions\(fscrt PUBLIC (_WIN32_WINNT=[^)]*)\)", text)
    if not warnings or not mingw:
        print("compile-check: CMakeLists.txt no longer gives fscrt its warnings and "
              "MinGW definitions as this script expects", file=sys.stderr)
        sys.exit(2)
    return warnings.group(1).split(), ["-D" + d for d in mingw.group(1).split()]


def sources(cases, runtime):
    """The leg's runtime files that DIR/lib has, then every probe, relative to DIR."""
    lib = [f"lib/{n}" for n in runtime if os.path.exists(os.path.join(cases, "lib", n))]
    probes = sorted(os.path.relpath(p, cases) for p in glob.glob(os.path.join(cases, "*", "*.c")))
    return lib + [p for p in probes if not p.startswith("lib/")]


def judge(leg, source, proc):
    """None when the source passed; else what went wrong, in one line and the output."""
    errors = [line for line in proc.stderr.splitlines() if " error: " in line]
    allowed = PREPROCESS_ONLY.get((leg, source))
    if allowed is None:
        return None if proc.returncode == 0 else proc.stderr.strip()
    if proc.returncode == 0:
        return f"compiles now: drop ({leg!r}, {source!r}) from PREPROCESS_ONLY"
    other = [e for e in errors if not re.search(allowed[0], e)]
    if other or not errors:
        return proc.stderr.strip()
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--leg", action="append", choices=sorted(LEGS),
                   help="only this leg (repeatable; default: all four)")
    p.add_argument("--cases", default=os.path.join(REPO, "cases"),
                   help="directory of probes, DIR/<area>/<name>.c (default: cases/)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = p.parse_args()
    legs = args.leg or list(LEGS)
    missing = sorted({(LEGS[leg][0][0], LEGS[leg][2]) for leg in legs
                      if not shutil.which(LEGS[leg][0][0])})
    if missing:
        for tool, package in missing:
            print(f"compile-check: {tool} not found (apt-get install {package})",
                  file=sys.stderr)
        return 2
    warnings, mingw = cmake_flags()
    cases = os.path.abspath(args.cases)
    include = ["-I", os.path.join(REPO, "cases", "lib")]
    jobs = []
    for leg in legs:
        compiler, runtime, _ = LEGS[leg]
        flags = [*compiler, *STRICT, *warnings, *(mingw if leg.startswith("windows") else []),
                 *include]
        jobs += [(leg, src, flags) for src in sources(cases, runtime)]

    def compile_one(job):   # named as DIR's own name/<area>/<name>.c in messages
        leg, src, flags = job
        proc = subprocess.run([*flags, *DEFINES.get(src, []),
                               os.path.join(os.path.basename(cases), src)],
                              cwd=os.path.dirname(cases), capture_output=True, text=True,
                              timeout=300)
        return leg, src, judge(leg, src, proc)

    t0 = time.monotonic()
    findings, counts = [], {leg: [0, 0] for leg in legs}
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for leg, src, finding in pool.map(compile_one, jobs):
            counts[leg][0 if (leg, src) not in PREPROCESS_ONLY else 1] += 1
            if finding:
                findings.append(f"FAIL  {leg}  {os.path.basename(cases)}/{src}\n{finding}")
    for finding in findings:
        print(finding)
    for leg in legs:
        compiled, preprocessed = counts[leg]
        extra = f" ({preprocessed} only preprocessed)" if preprocessed else ""
        print(f"{leg}: {compiled + preprocessed} sources{extra}")
        for (where, src), (_, why) in PREPROCESS_ONLY.items():
            if where == leg and os.path.exists(os.path.join(cases, src)):
                print(f"  only preprocessed: {src}: {why}")
    print(f"compile check: {'FAIL' if findings else 'PASS'} — {len(jobs) - len(findings)}/"
          f"{len(jobs)} sources in {time.monotonic() - t0:.1f} s")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
