"""``python -m flaskprep``: the same entry point as the console script.

``flaskprep.cli.script`` runs ``main``, which answers ``--version`` before the command
layer loads.
"""

from __future__ import annotations

import sys

from flaskprep.cli import script

if __name__ == "__main__":
    sys.exit(script())
