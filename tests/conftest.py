"""Shared fixtures. Every test runs with its data, cache and config folders in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from flaskprep import paths
from flaskprep.cli.state import options

SEED = Path(__file__).resolve().parents[1] / "seeds" / paths.BUNDLED_DECK_NAME

# Property tests draw the same examples on every run, so a run never fails by chance
# (CI included); FLASKPREP_HYPOTHESIS=explore draws new ones to look for bugs.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("FLASKPREP_HYPOTHESIS", "deterministic"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every folder flaskprep writes to at tmp_path; never touch the real home."""
    home = tmp_path / "home"
    for name, sub in [
        ("FLASKPREP_HOME", "data"),
        ("FLASKPREP_CACHE_DIR", "cache"),
        ("FLASKPREP_CONFIG_DIR", "config"),
        ("XDG_DATA_HOME", "xdg-data"),
        ("XDG_CACHE_HOME", "xdg-cache"),
        ("XDG_CONFIG_HOME", "xdg-config"),
    ]:
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    for name in ("FLASKPREP_DECK", "NO_COLOR", "FORCE_COLOR", "PAGER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    options.deck = None
    options.color = "auto"
    yield home


@pytest.fixture
def seed_path() -> Path:
    return SEED
