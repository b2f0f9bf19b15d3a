"""Output parsing, verdicts and differences, without running anything."""

import unittest

from harness import compare
from harness.discovery import Probe
from harness.profiles import Entry

P = Probe("rename.x", "rename", "", "/nonexistent")


def judge(out, exp=None, status=0, timed_out=False):
    exp = {k: Entry(tuple(v) if isinstance(v, list) else v) for k, v in (exp or {}).items()}
    return compare.judge(P, exp, exit_status=status, timed_out=timed_out,
                         stdout=out.encode(), stderr=b"", duration=0.01)


class ParseOutput(unittest.TestCase):
    def test_good(self):
        self.assertEqual(compare.parse_output("a=1\nb.c_d=ok\n"), ({"a": "1", "b.c_d": "ok"}, None))

    def test_same_skip_from_two_helpers(self):
        self.assertEqual(compare.parse_output("a=1\nskip=r\nskip=r\n"),
                         ({"a": "1", "skip": "r"}, None))

    def test_errors_name_the_line(self):
        cases = {"a=1\nnoequals\n": "line 2: not name=value",
                 "Bad=1\n": "line 1: bad observation name 'Bad'",
                 "a=1\nb=two words\n": "line 2: value of b is not a single token",
                 "a=1\nb=\n": "line 2: value of b is not a single token",
                 "a=1\nb=2\na=3\n": "line 3: a reported twice",
                 "skip=x\nskip=y\n": "line 2: skip reported twice",
                 "a=1\n\nb=2\n": "line 2: not name=value"}
        for text, msg in cases.items():
            with self.subTest(text=text):
                _, err = compare.parse_output(text)
                self.assertIsNotNone(err)
                self.assertTrue(err.startswith(msg), err)


class Verdicts(unittest.TestCase):
    def test_target_full_is_not_a_platform_difference(self):
        for full in sorted(compare.DISK_FULL):
            with self.subTest(value=full):
                r = judge(f"a=ok\nwrite={full}\nsize=0\n",
                          {"a": "ok", "write": "ok", "size": "64"})
                self.assertEqual(r.verdict, "error")
                self.assertEqual(r.message, f"met {full}: target full? (write not as "
                                            f"expected; 2 differences)")
                self.assertEqual([d["name"] for d in r.differences], ["size", "write"])
        # expected there (exFAT's 4 GiB limit), it is an ordinary value
        self.assertEqual(judge("t=ENOSPC\n", {"t": "ENOSPC"}).verdict, "pass")
        self.assertEqual(judge("t=ENOSPC\n", {"t": ["ok", "ENOSPC"]}).verdict, "pass")
        # not in the profile (a new platform, --profile none): reported as it is
        self.assertEqual(judge("t=ENOSPC\n", {}).verdict, "new")
        self.assertEqual(judge("t=EPERM\n", {"t": "ok"}).verdict, "fail")

    def test_pass(self):
        r = judge("a=ok\n", {"a": "ok"})
        self.assertEqual((r.verdict, r.differences), ("pass", []))

    def test_fail_keeps_every_difference(self):
        r = judge("a=no\nb=no\n", {"a": "ok", "b": "ok"})
        self.assertEqual(r.verdict, "fail")
        self.assertEqual([d["name"] for d in r.differences], ["a", "b"])
        self.assertEqual(compare.describe_difference(r.differences[0]), "a: expected ok, got no")

    def test_list_of_allowed_values(self):
        self.assertEqual(judge("e=ENOTEMPTY\n", {"e": ["EEXIST", "ENOTEMPTY"]}).verdict, "pass")
        r = judge("e=EPERM\n", {"e": ["EEXIST", "ENOTEMPTY"]})
        self.assertEqual(r.verdict, "fail")
        self.assertIn("expected one of EEXIST, ENOTEMPTY, got EPERM",
                      compare.describe_difference(r.differences[0]))

    def test_severity_order(self):
        # fail beats missing beats new
        self.assertEqual(judge("a=no\nz=1\n", {"a": "ok", "b": "ok"}).verdict, "fail")
        self.assertEqual(judge("z=1\n", {"a": "ok"}).verdict, "missing")
        self.assertEqual(judge("a=ok\nz=1\n", {"a": "ok"}).verdict, "new")
        # a crash beats everything, even with matching output
        self.assertEqual(judge("a=ok\n", {"a": "ok"}, status=-11).verdict, "crash")
        self.assertEqual(judge("a=ok\n", {"a": "ok"}, timed_out=True).verdict, "timeout")

    def test_skip_contract(self):
        self.assertEqual(judge("skip=no_such_api\n", status=77).verdict, "skip")
        self.assertEqual(judge("", status=77).verdict, "error")
        r = judge("skip=x\n", status=0)
        self.assertEqual((r.verdict, r.message), ("error", "skip= printed but exit 0"))

    def test_crash_names_signal_and_ntstatus(self):
        self.assertEqual(judge("", status=-11).signal, "SIGSEGV")
        self.assertIn("STATUS_ACCESS_VIOLATION", judge("", status=0xC0000005).message)

    def test_repeats(self):
        a, b = judge("v=0\n"), judge("v=1\n")
        self.assertEqual(compare.combine_repeats([judge("v=0\n"), judge("v=0\n")]).verdict, "new")
        f = compare.combine_repeats([a, b, judge("v=0\n")])
        self.assertEqual(f.verdict, "flaky")
        self.assertEqual(f.differences[0]["got"], ["0", "1", "0"])

    def test_any_value(self):
        """"*": reported with any value, and a value that changes is not flaky."""
        self.assertEqual(judge("n=17\n", {"n": "*"}).verdict, "pass")
        r = judge("x=1\n", {"n": "*"})
        self.assertEqual((r.verdict, r.differences[0]["kind"]), ("missing", "missing"))
        self.assertIn("any value (*)", compare.describe_difference(r.differences[0]))
        runs = [judge(f"n={i}\nk=ok\n", {"n": "*", "k": "ok"}) for i in range(3)]
        self.assertEqual(compare.combine_repeats(runs).verdict, "pass")
        runs = [judge(f"n=1\nk={v}\n", {"n": "*", "k": ["ok", "no"]}) for v in ("ok", "no")]
        self.assertEqual(compare.combine_repeats(runs).verdict, "flaky")

    def test_absent(self):
        """"-": the platform does not report it, though a parent profile expects it."""
        self.assertEqual(judge("a=EPERM\n", {"a": "EPERM", "b": "-"}).verdict, "pass")
        r = judge("a=EPERM\nb=2\n", {"a": "EPERM", "b": "-"})
        self.assertEqual(r.verdict, "fail")
        self.assertEqual(compare.describe_difference(r.differences[0]),
                         "b: expected nothing (-), got 2")


if __name__ == "__main__":
    unittest.main()
