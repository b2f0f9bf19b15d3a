"""run --peer: validation, the peer sandbox a probe gets, and the check that it is the
same directory seen through another path."""

import os
import unittest
from unittest import mock

from harness import reports, runner as runmod
from harness.discovery import Probe
from harness.tests.fakes import FakeBuild, sh

ECHO_PEER = sh("""
    echo "peer=${FSC_PEER_SANDBOX:-none}" | tr / _
    [ -n "$FSC_PEER_SANDBOX" ] && echo x > "$FSC_PEER_SANDBOX/through_peer" && echo wrote=ok
    """)


class PeerOption(unittest.TestCase):
    def setUp(self):
        self.fb = FakeBuild({"peer.echo": ECHO_PEER}, needs={"peer.echo": "peer"})
        self.addCleanup(self.fb.cleanup)

    def error(self, peer):
        code, _out, err = self.fb.main("run", "--profile", "none", "--peer", peer)
        self.assertEqual(code, 2)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        return err

    def test_refused_peers(self):
        self.assertIn("No such file or directory", self.error(os.path.join(self.fb.root, "no")))
        f = os.path.join(self.fb.root, "file")
        open(f, "w").close()
        self.assertIn("is not a directory", self.error(f))
        self.assertIn("is the target itself", self.error(self.fb.target))
        link = os.path.join(self.fb.root, "link")
        os.symlink(self.fb.target, link)
        self.assertIn("is the target itself", self.error(link))

    def test_no_peer_no_variable(self):
        with mock.patch.dict(os.environ, {"FSC_PEER_SANDBOX": "/elsewhere"}):
            self.fb.main("run", "--profile", "none")
        run = reports.read_json(os.path.join(self.fb.build, "results", "latest.json"))
        self.assertEqual(run.results[0].observations, {"peer": "none"})
        self.assertNotIn("peer", run.facts)


class PeerRunner(unittest.TestCase):
    """The Runner: a second path to the target (here a symlink to it: realpath would
    refuse it on the command line, the Runner takes any path) is the peer."""

    def setUp(self):
        self.fb = FakeBuild({"peer.echo": ECHO_PEER, "open.other": ECHO_PEER},
                            needs={"peer.echo": "peer"})
        self.addCleanup(self.fb.cleanup)
        self.probes = {p["id"]: Probe(p["id"], p["id"].split(".")[0], p["source"], p["exe"])
                       for p in self.fb.manifest["probes"]}

    def run_probe(self, pid, peer):
        r = runmod.Runner(self.fb.target, timeout=10, sentinel=self.fb.manifest["sentinel"],
                          peer=peer, peered=frozenset({"peer.echo"}))
        try:
            return r.run(self.probes[pid])
        finally:
            r.close()

    def test_peer_sandbox_given_and_writable(self):
        alias = os.path.join(self.fb.root, "alias")
        os.symlink(self.fb.target, alias)
        raw = self.run_probe("peer.echo", alias)
        out = raw.stdout.decode()
        self.assertIn("peer=" + alias.replace("/", "_") + "_fsc-", out)
        self.assertIn("wrote=ok", out)     # Landlock allows the peer sandbox
        self.assertEqual(raw.note, "")
        self.assertEqual(self.fb.leftovers(), [])

    def test_only_probes_that_need_it(self):
        alias = os.path.join(self.fb.root, "alias")
        os.symlink(self.fb.target, alias)
        self.assertIn(b"peer=none", self.run_probe("open.other", alias).stdout)

    def test_not_the_same_directory_is_an_error(self):
        other = os.path.join(self.fb.root, "other")
        os.mkdir(other)
        with mock.patch.object(runmod, "PEER_VISIBLE_S", 0.2):
            raw = self.run_probe("peer.echo", other)
        self.assertIsNone(raw.exit_status)
        self.assertIn("--peer is not the target seen through another mount", raw.note)
        self.assertEqual(self.fb.leftovers(), [])

    def test_wait_visible_polls_until_deadline(self):
        naps = []
        self.assertFalse(runmod.wait_visible(os.path.join(self.fb.root, "never"), 0.05,
                                             sleep=lambda s: naps.append(s)))
        self.assertTrue(naps and max(naps) <= 0.05)
        self.assertTrue(runmod.wait_visible(self.fb.target, 0.05))
