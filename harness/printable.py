"""Text from outside the harness made safe to show and to store.

Probe output, a probe's stderr, paths and result files may hold anything: terminal
escape sequences, NUL, invalid UTF-8, line separators Python splits on (NEL, VT, U+2028).
A terminal must not interpret them, and XML 1.0 (JUnit) cannot hold most C0 characters
even as references. Bytes are decoded with surrogateescape, so an invalid byte stays
visible; then every character that is not printable (str.isprintable: controls, format
characters, separators other than the space, surrogates, unassigned code points) is
written as a Python-style escape: \\x1b, \\x00, \\xff for an invalid byte, \\u2028.
"""

import unicodedata


def decode(data):
    """str from bytes (or str), invalid UTF-8 bytes kept as surrogate escapes."""
    return data.decode("utf-8", "surrogateescape") if isinstance(data, bytes) else data


def invalid_byte(c):
    """The byte a surrogate escape stands for, or None."""
    return ord(c) - 0xDC00 if 0xDC80 <= ord(c) <= 0xDCFF else None


def _escape_char(c):
    b = invalid_byte(c)
    if b is not None:
        return f"\\x{b:02x}"
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def escape(s):
    """One line: every unprintable character escaped (newlines too)."""
    s = str(s)
    if s.isprintable():
        return s
    return "".join(c if c.isprintable() else _escape_char(c) for c in s)


def escape_lines(s):
    """Several lines: as escape(), keeping newlines and tabs; "\\r\\n" becomes "\\n"."""
    return "\n".join("\t".join(escape(part) for part in line.split("\t"))
                     for line in str(s).replace("\r\n", "\n").split("\n"))


def unprintable(s):
    """A description of the first unprintable character of s, or None:
    "a control character U+001B", "an invalid UTF-8 byte 0xff"."""
    for c in s:
        if c.isprintable():
            continue
        b = invalid_byte(c)
        if b is not None:
            return f"an invalid UTF-8 byte 0x{b:02x}"
        kind = "control" if unicodedata.category(c) == "Cc" else "unprintable"
        return f"a{'n' if kind[0] == 'u' else ''} {kind} character U+{ord(c):04X}"
    return None
