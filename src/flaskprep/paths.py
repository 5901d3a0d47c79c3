"""Where flaskprep keeps its files: platformdirs locations, overridable by env vars.

``FLASKPREP_HOME`` holds progress (data), ``FLASKPREP_CACHE_DIR`` the parsed-deck
cache and ``FLASKPREP_CONFIG_DIR`` the config file. Tests point all three at a
temporary folder so no test touches the real user's files.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "flaskprep"
BUNDLED_DECK_NAME = "flask-interview-prep.md"


def _platform_dir(kind: str) -> Path:
    import platformdirs

    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if kind == "cache":
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return _override("FLASKPREP_HOME") or _platform_dir("data")


def cache_dir() -> Path:
    return _override("FLASKPREP_CACHE_DIR") or _platform_dir("cache")


def config_dir() -> Path:
    return _override("FLASKPREP_CONFIG_DIR") or _platform_dir("config")


def _override(name: str) -> Path | None:
    value = os.environ.get(name)
    if not value:
        return None
    try:
        return Path(value).expanduser()
    except RuntimeError:  # ~name of a user with no home folder
        from flaskprep.errors import UsageError

        raise UsageError(f"{name}={value}: that user has no home folder") from None


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each mode 0700 whatever the umask.

    ``mkdir(mode=0o700, parents=True)`` gives the parents the umask's mode (0777 under
    ``umask 0``) and the folder itself less than 0700 under an odd umask such as 0277,
    which would lock the user out of their own data. ``OSError`` passes through.
    """
    missing: list[Path] = []
    current = folder
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for item in reversed(missing):
        try:
            item.mkdir(mode=0o700)
        except FileExistsError:  # made meanwhile by another flaskprep: not ours to change
            continue
        item.chmod(0o700)


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
