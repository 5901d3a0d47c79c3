"""``python -m flaskprep``; ``--version`` answers before the command layer loads."""

from __future__ import annotations

import sys


def run() -> int:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from flaskprep import __version__

        sys.stdout.write(f"flaskprep {__version__}\n")
        return 0
    from flaskprep.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
