"""Global options shared by every command (set by the app callback)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flaskprep.ui.color import ColorChoice


@dataclass
class Options:
    deck: Path | None = None
    color: ColorChoice = "auto"


options = Options()
