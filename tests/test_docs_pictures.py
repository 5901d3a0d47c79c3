"""The README's pictures show what the program prints today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_pictures_are_fresh() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_screenshots.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
