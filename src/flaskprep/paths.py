"""Where flaskprep keeps its files: platformdirs locations, overridable by env vars.

``FLASKPREP_HOME`` holds progress (data), ``FLASKPREP_CACHE_DIR`` the parsed-deck
cache and ``FLASKPREP_CONFIG_DIR`` the config file. Tests point all three at a
temporary folder so no test touches the real user's files.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "flaskprep"
BUNDLED_DECK_NAME = "flask-interview-prep.md"


def _platform_dir(kind: str) -> Path:
    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if kind == "cache":
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    override = os.environ.get("FLASKPREP_HOME")
    return Path(override).expanduser() if override else _platform_dir("data")


def cache_dir() -> Path:
    override = os.environ.get("FLASKPREP_CACHE_DIR")
    return Path(override).expanduser() if override else _platform_dir("cache")


def config_dir() -> Path:
    override = os.environ.get("FLASKPREP_CONFIG_DIR")
    return Path(override).expanduser() if override else _platform_dir("config")


def progress_file() -> Path:
    return data_dir() / "progress.json"


def config_file() -> Path:
    return config_dir() / "config.toml"


def bundled_deck() -> Path:
    """The Flask deck shipped in the wheel (or ``seeds/`` in a source checkout)."""
    packaged = Path(__file__).parent / "seeds" / BUNDLED_DECK_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds" / BUNDLED_DECK_NAME
