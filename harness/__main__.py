import os
import signal
import sys


def _interrupted(signum, frame):
    os.write(2, b"\nfsconform: interrupted\n")
    os._exit(130)


# Ctrl-C while Python imports the harness: nothing to clean up yet, so end at once
# (a KeyboardInterrupt there can surface as another exception, or inside a handler).
signal.signal(signal.SIGINT, _interrupted)
from harness.cli import main  # noqa: E402
signal.signal(signal.SIGINT, signal.default_int_handler)   # main() cleans up on Ctrl-C
try:
    sys.exit(main())
except KeyboardInterrupt:   # before main() could catch it
    sys.stderr.write("\nfsconform: interrupted\n")
    sys.exit(130)
