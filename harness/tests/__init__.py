"""The self-tests. They must pass whatever the caller's environment: importing this
package (every test module does) gives the process a fixed one, which the fake builds,
the in-process CLI, subprocesses and the probes they run all inherit:
  - only PATH (to find sh, cc, chromium) and SYSTEMROOT (Windows) are kept; everything
    else goes, FSCONFORM_TARGET, FSC_DEADLINE_MS, PYTHON*, TMPDIR, HOME, LANG/LC_*, TZ
    included; the two switches of the browser check stay (CI sets them on purpose);
  - HOME is an empty temporary directory, TZ=UTC, LC_ALL=C.UTF-8, umask 022.
The working directory is left alone (browser_check takes a relative path); the tests
name every path absolutely, and CTest's harness.selftest.hostile_env runs them from
the build directory to prove it.
"""

import atexit
import os
import shutil
import tempfile

_KEEP = ("PATH", "SYSTEMROOT", "FSCONFORM_REQUIRE_BROWSER", "FSCONFORM_CHROMIUM")

_kept = {k: os.environ[k] for k in _KEEP if k in os.environ}
os.environ.clear()
os.environ.update(_kept)
tempfile.tempdir = None   # chosen again without the caller's TMPDIR
HOME = tempfile.mkdtemp(prefix="fsc-test-home-")
atexit.register(shutil.rmtree, HOME, True)
os.environ.update(HOME=HOME, TZ="UTC", LC_ALL="C.UTF-8")
os.umask(0o022)
