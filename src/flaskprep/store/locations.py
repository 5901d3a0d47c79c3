"""Where the store's files are, following a linked ``progress.json`` to its target.

Users keep ``progress.json`` in a synced folder through a symlink. The link stays a
link: the snapshot, the review log, the lock, temp files and backups all live beside
the link's target, so a save replaces the real file (atomically, locked there) and
never the link. A review log that is itself a link is followed the same way.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from flaskprep.errors import ProgressError

LOG_SUFFIX = ".log.jsonl"


@dataclass(frozen=True, slots=True)
class Locations:
    named: Path
    """``progress.json`` as configured (maybe a link)."""
    snapshot: Path
    log: Path
    lock: Path
    linked: bool

    def beside(self, suffix: str) -> Path:
        """A file next to the real snapshot: ``progress.json<suffix>``."""
        return self.snapshot.with_name(self.snapshot.name + suffix)


def locate(named: Path) -> Locations:
    """The real files behind ``named``; ``ProgressError`` (one line) if a link cannot be used."""
    snapshot = _follow(named)
    log_named = named.with_name(named.name.removesuffix(".json") + LOG_SUFFIX)
    if log_named.is_symlink():
        log = _follow(log_named)
    else:
        log = snapshot.with_name(snapshot.name.removesuffix(".json") + LOG_SUFFIX)
    lock = snapshot.with_name(snapshot.name + ".lock")
    return Locations(named, snapshot, log, lock, snapshot != named)


def _follow(path: Path) -> Path:
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _refuse(path, target, exc.strerror or str(exc)) from None
    if mode is not None and not stat.S_ISREG(mode):
        raise _refuse(path, target, "not a regular file")
    if not target.parent.is_dir():
        raise _refuse(path, target, "its folder does not exist")
    return target


def _refuse(path: Path, target: Path, why: str) -> ProgressError:
    return ProgressError(
        f"{path} is a link to {target}: {why}; nothing was changed",
        hint="point the link at a progress file, or remove it",
    )
