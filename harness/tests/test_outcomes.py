"""Outcome classes: the table, lock context, error-looking values, comparison keys."""

import unittest

from harness import matrix, outcomes
from harness.outcomes import classify, compare_key


class Classes(unittest.TestCase):
    def test_table(self):
        cases = {
            "ok": ["ok"],
            "denied": ["EACCES", "EPERM", "ERROR_ACCESS_DENIED", "STATUS_ACCESS_DENIED"],
            "sharing_violation": ["ERROR_SHARING_VIOLATION", "STATUS_SHARING_VIOLATION"],
            "lock_violation": ["ERROR_LOCK_VIOLATION", "STATUS_FILE_LOCK_CONFLICT"],
            "busy": ["EBUSY", "ETXTBSY", "ERROR_BUSY"],
            "not_found": ["ENOENT", "ERROR_FILE_NOT_FOUND", "ERROR_PATH_NOT_FOUND",
                          "STATUS_OBJECT_NAME_NOT_FOUND"],
            "exists": ["EEXIST", "ERROR_FILE_EXISTS", "ERROR_ALREADY_EXISTS"],
            "not_empty": ["ENOTEMPTY", "ERROR_DIR_NOT_EMPTY", "STATUS_DIRECTORY_NOT_EMPTY"],
            "is_dir": ["EISDIR"],
            "not_dir": ["ENOTDIR", "ERROR_DIRECTORY"],
            "invalid": ["EINVAL", "ERROR_INVALID_PARAMETER", "ERROR_INVALID_NAME"],
            "cross_device": ["EXDEV", "ERROR_NOT_SAME_DEVICE"],
            "unsupported": ["ENOTSUP", "EOPNOTSUPP", "ENOSYS", "ERROR_NOT_SUPPORTED",
                            "ERROR_INVALID_FUNCTION"],
            "delete_pending": ["STATUS_DELETE_PENDING", "ERROR_DELETE_PENDING"],
            "bad_handle": ["EBADF", "ERROR_INVALID_HANDLE"],
            "fault": ["SIGBUS", "SIGSEGV", "EXCEPTION_IN_PAGE_ERROR",
                      "EXCEPTION_ACCESS_VIOLATION"],
            "error": ["EAGAIN", "EIO", "ENAMETOOLONG", "ERROR_GEN_FAILURE",
                      "STATUS_UNSUCCESSFUL", "EXCEPTION_BREAKPOINT", "SIGPIPE", "errno_123",
                      "win32_5", "ntstatus_0xC0000022"],
            "value": ["true", "false", "0", "-4", "old", "new", "abXdef", "F_WRLCK",
                      "2023-11-05T01:30", "-31536000.500000000", "none", "same_file", "B",
                      "E", "errno_", "win32_x", "error", "Status_x"],
        }
        for cls, values in cases.items():
            for v in values:
                with self.subTest(value=v):
                    self.assertEqual(classify(v, "rename"), cls)

    def test_lock_context(self):
        for name in ("child_setlk", "other_open_flock", "ofd_lock_fd2", "helper_lock_before",
                     "cell.lock_excl", "probe_setlk"):
            for v in ("EAGAIN", "EWOULDBLOCK", "EACCES"):
                with self.subTest(name=name, value=v):
                    self.assertEqual(classify(v, name), "lock_violation")
        # outside a lock context
        self.assertEqual(classify("EAGAIN", "read"), "error")
        self.assertEqual(classify("EACCES", "open"), "denied")
        self.assertEqual(classify("EACCES"), "denied")
        # the other classes do not change in a lock context
        self.assertEqual(classify("EBADF", "excl_lock"), "bad_handle")
        self.assertEqual(classify("ok", "excl_lock"), "ok")

    def test_keys(self):
        same = [("EACCES", "ERROR_ACCESS_DENIED", "unlink"),
                ("EAGAIN", "ERROR_LOCK_VIOLATION", "child_setlk"),
                ("ENOENT", "STATUS_OBJECT_NAME_NOT_FOUND", "open")]
        for a, b, name in same:
            self.assertEqual(compare_key(a, name), compare_key(b, name), (a, b))
        differ = [("EACCES", "ERROR_SHARING_VIOLATION", "unlink"),
                  ("EIO", "EAGAIN", "read"),          # two unclassified errors: by raw
                  ("3", "4", "ftell"), ("old", "new", "reads"), ("ok", "EACCES", "open")]
        for a, b, name in differ:
            self.assertNotEqual(compare_key(a, name), compare_key(b, name), (a, b))

    def test_every_class_is_described_and_coloured(self):
        self.assertEqual(set(outcomes.NAMES.values()) - set(outcomes.CLASS_NAMES), set())
        self.assertEqual(set(matrix._CLASS_COLOURS), set(outcomes.CLASS_NAMES))
        self.assertTrue(all(outcomes.DESCRIPTIONS[c] for c in outcomes.CLASS_NAMES))
        self.assertTrue(outcomes.is_error("denied"))
        self.assertFalse(outcomes.is_error("ok") or outcomes.is_error("value"))


if __name__ == "__main__":
    unittest.main()
