"""argparse types shared by the subcommands' parsers."""

import argparse

MAX_SECONDS = 86400.0   # more than a day is a typo, and the OS cannot wait for inf


def _positive(convert, what, most=None):
    """An argparse type: a number of the given kind, above zero (and at most `most`)."""
    def parse(s):
        try:
            v = convert(s)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {s!r}") from None
        if not v > 0:
            raise argparse.ArgumentTypeError(f"must be positive: {s!r}")
        if most is not None and not v <= most:
            raise argparse.ArgumentTypeError(f"must be at most {most:g}: {s!r}")
        return v
    return parse


positive_int = _positive(int, "an integer")
positive_float = _positive(float, "a number", MAX_SECONDS)   # all are seconds
