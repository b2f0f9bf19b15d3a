"""Outcome classes: portable names for what a probe observed.

A probe reports the raw value the platform gave (`EACCES`, `ERROR_SHARING_VIOLATION`,
`STATUS_DELETE_PENDING`, `old`, `3`). The matrix compares platforms by *class*, so that
Linux's `EACCES` and Windows' `ERROR_ACCESS_DENIED` count as the same outcome, while the
raw value stays visible wherever a class is shown.

Rules, in order:
  1. `ok` is the class `ok`.
  2. A name in the table below is its class. Some names depend on context: in a *lock
     context* (the observation name contains `lock` or `setlk`: `child_setlk`,
     `other_open_flock`, `ofd_lock_fd2`), `EAGAIN`, `EWOULDBLOCK` and `EACCES` are
     `lock_violation` — the two values POSIX allows fcntl(F_SETLK) to return for a
     conflicting lock, and what flock(LOCK_NB) returns; elsewhere `EAGAIN` is a plain
     `error` and `EACCES` is `denied`.
  3. Any other error-looking value is `error`: an errno name (E[A-Z0-9]+), a Win32 or
     NTSTATUS name (ERROR_*, STATUS_*), an exception or signal name (EXCEPTION_*, SIG*),
     or an unknown code (errno_N, win32_N, ntstatus_N).
  4. Everything else is `value`: a plain fact (true, false, a count, old/new, a time).

Two observations agree when their comparison keys are equal (compare_key): the class,
except for `value` and `error`, which compare by raw value (`3` is not `4`, and two
unrelated unknown errors are not the same outcome).
"""

import re

# (class, what it means), in the order legends list them.
CLASSES = (
    ("ok", "the call succeeded"),
    ("denied", "permission or access denied"),
    ("sharing_violation", "refused because another handle's share mode forbids it"),
    ("lock_violation", "refused because of another lock"),
    ("busy", "the object is in use (mounted, executing, mapped, a current directory)"),
    ("not_found", "no such file or directory"),
    ("exists", "the name already exists"),
    ("not_empty", "the directory is not empty"),
    ("is_dir", "a directory where a file was needed"),
    ("not_dir", "a file where a directory was needed"),
    ("invalid", "invalid argument or name"),
    ("cross_device", "not on the same device / filesystem"),
    ("unsupported", "not supported by this platform or filesystem"),
    ("delete_pending", "the file is being deleted (Windows delete-pending state)"),
    ("bad_handle", "the descriptor or handle is not valid for this"),
    ("fault", "a memory fault (signal or exception) touching a mapping"),
    ("error", "another error (compared by raw value)"),
    ("value", "a plain fact: true/false, a count, old/new (compared by raw value)"),
)
CLASS_NAMES = tuple(c for c, _ in CLASSES)
DESCRIPTIONS = dict(CLASSES)

# Classes compared by raw value rather than by class.
RAW_CLASSES = frozenset(("error", "value"))

_TABLE = {
    "denied": """EACCES EPERM EROFS ERROR_ACCESS_DENIED ERROR_WRITE_PROTECT
        ERROR_PRIVILEGE_NOT_HELD STATUS_ACCESS_DENIED STATUS_CANNOT_DELETE
        STATUS_MEDIA_WRITE_PROTECTED STATUS_PRIVILEGE_NOT_HELD""",
    "sharing_violation": "ERROR_SHARING_VIOLATION STATUS_SHARING_VIOLATION",
    "lock_violation": """ERROR_LOCK_VIOLATION ERROR_LOCK_FAILED STATUS_FILE_LOCK_CONFLICT
        STATUS_LOCK_NOT_GRANTED""",
    "busy": """EBUSY ETXTBSY ERROR_BUSY ERROR_USER_MAPPED_FILE ERROR_CURRENT_DIRECTORY
        STATUS_USER_MAPPED_FILE STATUS_DEVICE_BUSY""",
    "not_found": """ENOENT ERROR_FILE_NOT_FOUND ERROR_PATH_NOT_FOUND ERROR_INVALID_DRIVE
        STATUS_OBJECT_NAME_NOT_FOUND STATUS_OBJECT_PATH_NOT_FOUND STATUS_NO_SUCH_FILE""",
    "exists": """EEXIST ERROR_FILE_EXISTS ERROR_ALREADY_EXISTS
        STATUS_OBJECT_NAME_COLLISION""",
    "not_empty": "ENOTEMPTY ERROR_DIR_NOT_EMPTY STATUS_DIRECTORY_NOT_EMPTY",
    "is_dir": "EISDIR STATUS_FILE_IS_A_DIRECTORY",
    "not_dir": "ENOTDIR ERROR_DIRECTORY STATUS_NOT_A_DIRECTORY",
    "invalid": """EINVAL ERROR_INVALID_PARAMETER ERROR_INVALID_NAME ERROR_BAD_PATHNAME
        STATUS_INVALID_PARAMETER STATUS_OBJECT_NAME_INVALID""",
    "cross_device": "EXDEV ERROR_NOT_SAME_DEVICE STATUS_NOT_SAME_DEVICE",
    "unsupported": """ENOTSUP EOPNOTSUPP ENOSYS ERROR_NOT_SUPPORTED ERROR_INVALID_FUNCTION
        ERROR_CALL_NOT_IMPLEMENTED STATUS_NOT_SUPPORTED STATUS_NOT_IMPLEMENTED
        STATUS_INVALID_DEVICE_REQUEST""",
    "delete_pending": "ERROR_DELETE_PENDING STATUS_DELETE_PENDING",
    "bad_handle": "EBADF ERROR_INVALID_HANDLE STATUS_INVALID_HANDLE",
    "fault": """SIGBUS SIGSEGV EXCEPTION_IN_PAGE_ERROR EXCEPTION_ACCESS_VIOLATION
        STATUS_IN_PAGE_ERROR STATUS_ACCESS_VIOLATION""",
}
NAMES = {name: cls for cls, names in _TABLE.items() for name in names.split()}

# In a lock context these mean "another lock is in the way".
_LOCK_NAMES = frozenset(("EAGAIN", "EWOULDBLOCK", "EACCES"))
_LOCK_CONTEXT = re.compile(r"lock|setlk")

_ERROR_LOOKING = re.compile(
    r"(?:E[A-Z0-9]+|(?:ERROR|STATUS|EXCEPTION)_[A-Z0-9_]+|SIG[A-Z0-9]+"
    r"|(?:errno|win32|ntstatus)_(?:0x[0-9a-fA-F]+|-?[0-9]+))\Z")


def lock_context(name):
    """True if the observation `name` reports the outcome of a lock attempt."""
    return bool(_LOCK_CONTEXT.search(name or ""))


def classify(value, name=""):
    """The outcome class of a raw observed value; `name` is the observation's name."""
    v = str(value)
    if v == "ok":
        return "ok"
    if v in _LOCK_NAMES and lock_context(name):
        return "lock_violation"
    cls = NAMES.get(v)
    if cls:
        return cls
    return "error" if _ERROR_LOOKING.match(v) else "value"


def is_error(cls):
    """True for the classes of a failed call."""
    return cls not in ("ok", "value")


def compare_key(value, name=""):
    """What two observations must share to count as the same outcome."""
    cls = classify(value, name)
    return f"{cls}:{value}" if cls in RAW_CLASSES else cls
