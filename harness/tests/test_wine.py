"""The Wine session: the real wrapper (cmake/fsc-wine.in) in front of a stand-in for
Wine that behaves as Wine does where it matters. The first Wine process of a session
starts background "services" that inherit its stderr and live until the wineserver is
killed; `wineserver -p` starts a server (status 2 if one runs), `-k` ends the session.
A probe that is the first process of a session gets its output held open."""

import os
import shutil
import subprocess
import tempfile
import time
import unittest
from unittest import mock

from harness import facts as factsmod
from harness.tests.fakes import REPO, FakeBuild, pid_alive, sh
from harness.tests.test_cli import answering

# The stand-ins keep their state next to the prefix: PREFIX.server (the server runs),
# PREFIX.services (pid of the background service; the session is booted).
FAKE_SERVER = sh('''
    p="$WINEPREFIX"
    case "$1" in
    -p*) [ -e "$p.broken" ] && exit 1; [ -e "$p.server" ] && exit 2; : >"$p.server" ;;
    -k*) [ -e "$p.services" ] && kill "$(cat "$p.services")"; rm -f "$p.server" "$p.services" ;;
    esac
    exit 0
''')
FAKE_WINE = sh('''
    p="$WINEPREFIX"
    [ "$1" = wineboot ] && { mkdir -p "$p"; exit 0; }
    if [ ! -e "$p.services" ]; then
        # services.exe and company: stderr inherited, alive until wineserver -k
        # (bounded here, so that a failing test ends too)
        sleep 30 </dev/null >/dev/null &
        echo $! >"$p.services"
    fi
    [ "$1" = hostname ] && exit 0
    exec "$@"
''')


def _write(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o755)


class WineSession(unittest.TestCase):
    def setUp(self):
        self.tools = tempfile.mkdtemp(prefix="fsc-wine-test-")
        self.prefix = os.path.join(self.tools, "wineprefix")
        os.mkdir(self.prefix)
        open(os.path.join(self.prefix, ".fsc-ready"), "w").close()   # made by wineboot
        _write(os.path.join(self.tools, "wine"), FAKE_WINE)
        _write(os.path.join(self.tools, "wineserver"), FAKE_SERVER)
        with open(os.path.join(REPO, "cmake", "fsc-wine.in")) as f:
            wrapper = (f.read().replace("@FSC_WINE@", os.path.join(self.tools, "wine"))
                       .replace("@FSC_WINEPREFIX@", self.prefix))
        self.wrapper = os.path.join(self.tools, "fsc-wine")
        _write(self.wrapper, wrapper)
        ids = [f"rename.p{i}" for i in range(4)]
        profile = ('[profile]\nname = "wine"\nmatch = { os = "windows", wine = "true" }\n'
                   'status = "verified"\n' + "".join(f'[{i}]\nrename = "ok"\n' for i in ids))
        self.fb = FakeBuild({i: answering(["os=windows", "wine=8.0"]) for i in ids},
                            {"wine": profile}, emulator=[self.wrapper], system="Windows")
        env = {k: v for k, v in os.environ.items() if not k.startswith("WINE")}
        patcher = mock.patch.dict(os.environ, env, clear=True)
        patcher.start()
        self.addCleanup(patcher.stop)
        self.addCleanup(self.end_session)
        self.addCleanup(self.fb.cleanup)

    def end_session(self):
        services = self.services()
        if services:
            try:
                os.kill(services, 9)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.tools)

    def services(self):
        try:
            with open(self.prefix + ".services") as f:
                return int(f.read())
        except FileNotFoundError:
            return None

    def test_no_probe_starts_the_session_and_the_run_ends_it(self):
        t0 = time.monotonic()
        code, out, err = self.fb.main("run", "-j", "2")
        self.assertEqual(code, 0, out + err)
        self.assertIn("4 pass", out)
        self.assertLess(time.monotonic() - t0, 10, "a probe's output was held open")
        self.assertFalse(os.path.exists(self.prefix + ".server"), "session left running")
        self.assertIsNone(self.services())

    def test_a_session_running_before_is_left_running(self):
        p = subprocess.run([self.wrapper, "--init"], capture_output=True, text=True,
                           timeout=30)
        self.assertEqual(p.stdout.split(), ["started"])
        services = self.services()
        code, out, err = self.fb.main("check", "rename.p0")
        self.assertEqual(code, 0, out + err)
        self.assertTrue(os.path.exists(self.prefix + ".server"))
        self.assertEqual(self.services(), services)
        self.assertTrue(pid_alive(services))

    @unittest.skipUnless(shutil.which("setarch") and os.path.exists("/proc/self/personality"),
                         "Linux with setarch (util-linux) only")
    def test_wine_runs_without_address_randomisation(self):
        p = subprocess.run([self.wrapper, "/bin/sh", "-c", "cat /proc/self/personality"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                           timeout=30)
        self.assertTrue(int(p.stdout, 16) & 0x0040000, p.stdout)   # ADDR_NO_RANDOMIZE

    def test_a_session_that_cannot_start_is_one_line(self):
        open(self.prefix + ".broken", "w").close()
        code, out, err = self.fb.main("run")
        self.assertEqual(code, 2)
        self.assertEqual(err.strip().splitlines(), [
            f"fsconform: cannot prepare the Wine session: fsc-wine: cannot start wineserver "
            f"for {self.prefix}, see {self.prefix}.log"])
        self.assertEqual(self.fb.leftovers(), [])


class WineAsRoot(unittest.TestCase):
    def test_warned_only_for_wine_as_root(self):
        self.assertIn("root ignores the read-only attribute",
                      factsmod.wine_as_root({"wine": "true", "root": "true"}))
        self.assertIsNone(factsmod.wine_as_root({"wine": "true", "root": "false"}))
        self.assertIsNone(factsmod.wine_as_root({"wine": "false", "root": "true"}))


if __name__ == "__main__":
    unittest.main()
