"""profiles.load_all_cached: what load_all gives, parsed once while nothing changes."""

import os
import tempfile
import unittest
from unittest import mock

from harness import HarnessError
from harness import profiles as profmod

BASE = '[profile]\nname = "base"\nmatch = { os = "linux" }\n[fd.x]\na = "1"\n'
CHILD = '[profile]\nname = "child"\ninherits = ["base"]\n[fd.x]\nb = "{}"\n'


class Cache(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.expected = os.path.join(tmp.name, "expected")
        os.mkdir(self.expected)
        self.write("base", BASE)
        self.write("child", CHILD.format(2))
        self.cache = os.path.join(tmp.name, "profiles.pickle")

    def write(self, name, text):
        with open(os.path.join(self.expected, name + ".toml"), "w", encoding="utf-8") as f:
            f.write(text)

    def load(self, known=("fd.x",), cache=None):
        """(profiles, how many times load_all parsed them)"""
        with mock.patch.object(profmod, "load_all", wraps=profmod.load_all) as parse:
            got = profmod.load_all_cached(self.expected, set(known), cache or self.cache)
        return got, parse.call_count

    def b(self, profiles):
        return profiles["child"].resolved["fd.x"]["b"].value

    def test_parsed_once_then_read_from_the_cache(self):
        first, parsed = self.load()
        self.assertEqual((self.b(first), parsed), ("2", 1))
        again, parsed = self.load()
        self.assertEqual(parsed, 0)
        self.assertEqual(again, first)
        self.assertEqual(again, profmod.load_all(self.expected, {"fd.x"}))

    def test_a_changed_profile_or_probe_list_is_parsed_again(self):
        self.load()
        self.write("child", CHILD.format(3))
        got, parsed = self.load()
        self.assertEqual((self.b(got), parsed), ("3", 1))
        _, parsed = self.load(known=("fd.x", "fd.y"))
        self.assertEqual(parsed, 1)
        os.remove(os.path.join(self.expected, "child.toml"))
        got, parsed = self.load()
        self.assertEqual((sorted(got), parsed), (["base"], 1))

    def test_damaged_or_unwritable_cache_is_ignored(self):
        with open(self.cache, "wb") as f:
            f.write(b"not a pickle")
        got, parsed = self.load()
        self.assertEqual((self.b(got), parsed), ("2", 1))
        got, parsed = self.load(cache=os.path.join(self.cache, "nodir", "p.pickle"))
        self.assertEqual((self.b(got), parsed), ("2", 1))

    def test_a_profile_with_an_error_is_never_cached(self):
        self.write("child", CHILD.format(2) + "[fd.nosuch]\nc = \"1\"\n")
        for _ in range(2):
            with self.assertRaisesRegex(HarnessError, r"\[fd.nosuch\]: no probe"):
                self.load()
        self.assertFalse(os.path.exists(self.cache))


if __name__ == "__main__":
    unittest.main()
