"""The build manifest (BUILD/fsconform.json), probe selection and probe doc headers."""

import fnmatch
import json
import os
import re
from dataclasses import dataclass, field

from harness import HarnessError

MANIFEST_NAME = "fsconform.json"
# What the user is told to run when there is no build yet (README.md has the full story).
BUILD_HINT = "./fsconform suite, or cmake --preset default && cmake --build --preset default"


@dataclass(frozen=True)
class Probe:
    id: str
    area: str
    source: str
    exe: str


@dataclass
class Manifest:
    path: str
    source_dir: str
    build_dir: str
    system: str
    backend: str
    emulator: list
    probes: list = field(default_factory=list)

    def by_id(self):
        return {p.id: p for p in self.probes}


def load_manifest(build_dir):
    path = os.path.join(build_dir, MANIFEST_NAME)
    try:
        with open(path, "rb") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise HarnessError(f"no {path}: build first ({BUILD_HINT}, see README.md) "
                           f"or pass --build DIR") from None
    except (OSError, ValueError) as e:
        raise HarnessError(f"{path}: cannot read manifest: {e}") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise HarnessError(f"{path}: not a version 1 fsconform manifest")
    _check_same_tree(path, data.get("build_dir"), build_dir)
    probes = []
    for i, p in enumerate(data.get("probes", [])):
        try:
            pid, area, exe = p["id"], p["area"], p["exe"]
            if not all(isinstance(x, str) and x for x in (pid, area, exe)):
                raise TypeError
        except (KeyError, TypeError):
            raise HarnessError(f"{path}: probe #{i} needs string fields id, area, exe") from None
        probes.append(Probe(pid, area, p.get("source") or "", exe))
    probes.sort(key=lambda p: p.id)
    emulator = data.get("emulator") or []
    if not isinstance(emulator, list) or not all(isinstance(x, str) for x in emulator):
        raise HarnessError(f"{path}: 'emulator' must be a list of strings")
    return Manifest(path=path,
                    source_dir=data.get("source_dir") or os.getcwd(),
                    build_dir=data.get("build_dir") or os.path.abspath(build_dir),
                    system=data.get("system") or "",
                    backend=data.get("backend") or "",
                    emulator=emulator,
                    probes=probes)


def _check_same_tree(path, recorded, build_dir):
    """The manifest holds absolute paths (so does CMake's cache): in a copied or moved
    build tree they still name the original's probes and profiles. Refuse it."""
    if not isinstance(recorded, str) or not recorded:
        return
    try:
        same = os.path.samefile(recorded, build_dir)
    except OSError:
        same = False
    if not same:
        raise HarnessError(f"{path} belongs to the build directory {recorded}, not this one "
                           f"(a copied or moved tree runs the original's probes): delete "
                           f"{os.path.abspath(build_dir)} and build again ({BUILD_HINT})")


def select(probes, patterns):
    """Probes whose id matches an fnmatch pattern or whose area is named; all if none."""
    if not patterns:
        return list(probes)
    chosen = set()
    for pat in patterns:
        hits = {p.id for p in probes if p.area == pat or p.id == pat
                or fnmatch.fnmatchcase(p.id, pat)}
        if not hits:
            raise HarnessError(f"no probe matches {pat!r} (try: python3 -m harness list)")
        chosen |= hits
    return [p for p in probes if p.id in chosen]


def find(probes, probe_id):
    for p in probes:
        if p.id == probe_id:
            return p
    import difflib
    near = difflib.get_close_matches(probe_id, [p.id for p in probes], n=3)
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    raise HarnessError(f"unknown probe {probe_id!r}{hint}")


def source_ids(source_dir):
    """Probe ids that exist as cases/<area>/<name>.c in the source tree."""
    ids = set()
    cases = os.path.join(source_dir, "cases")
    try:
        areas = os.listdir(cases)
    except OSError:
        return ids
    for area in areas:
        if area == "lib":
            continue
        try:
            names = os.listdir(os.path.join(cases, area))
        except OSError:
            continue
        ids.update(f"{area}.{n[:-2]}" for n in names if n.endswith(".c"))
    return ids


_COMMENT = re.compile(r"/\*(.*?)\*/", re.S)


def read_doc(source):
    """The probe's documentation header: the first C block comment, de-starred."""
    try:
        with open(source, encoding="utf-8", errors="replace") as f:
            text = f.read(65536)
    except OSError as e:
        return f"(no documentation: cannot read {source}: {e.strerror})"
    m = _COMMENT.search(text)
    if not m:
        return f"(no documentation header in {source})"
    lines = m.group(1).splitlines()
    out = []
    for line in lines:
        s = line.strip()
        if s.startswith("*"):
            s = s[1:]
            if s.startswith(" "):
                s = s[1:]
            out.append(s.rstrip())
        else:
            out.append(line.rstrip())
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)
