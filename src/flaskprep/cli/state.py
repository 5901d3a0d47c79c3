"""Global options shared by every command (set by the app callback)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass
class Options:
    deck: Path | None = None
    color: Literal["auto", "always", "never"] = "auto"


options = Options()
