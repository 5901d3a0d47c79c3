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
from flaskprep.store import files

LOG_SUFFIX = ".log.jsonl"
HISTORY_SUFFIX = ".reviews.json"


@dataclass(frozen=True, slots=True)
class Locations:
    named: Path
    """``progress.json`` as configured (maybe a link)."""
    snapshot: Path
    log: Path
    history: Path
    lock: Path
    linked: bool

    def beside(self, suffix: str) -> Path:
        """A file next to the real snapshot: ``progress.json<suffix>``."""
        return self.snapshot.with_name(self.snapshot.name + suffix)


def locate(named: Path) -> Locations:
    """The real files behind ``named``; ``ProgressError`` (one line) if a link cannot be used."""
    snapshot = _follow(named)
    log, history = (_companion(named, snapshot, suffix) for suffix in (LOG_SUFFIX, HISTORY_SUFFIX))
    lock = snapshot.with_name(snapshot.name + ".lock")
    return Locations(named, snapshot, log, history, lock, snapshot != named)


def _companion(named: Path, snapshot: Path, suffix: str) -> Path:
    """``progress<suffix>``: followed if it is a link itself, else beside the real snapshot."""
    beside_named = named.with_name(named.name.removesuffix(".json") + suffix)
    if beside_named.is_symlink():
        return _follow(beside_named)
    return snapshot.with_name(snapshot.name.removesuffix(".json") + suffix)


def move_aside(where: Locations, stamp: str) -> Path:
    """Rename an unreadable snapshot (and its log and history) to ``*.corrupt-<stamp>``;
    the snapshot's new name."""
    target = corrupt_copy(where.snapshot, stamp)
    where.snapshot.replace(target)
    target.chmod(0o600)
    for companion in (where.log, where.history):
        if companion.exists():
            companion.replace(corrupt_copy(companion, stamp))
    return target


def corrupt_copy(path: Path, stamp: str) -> Path:
    """Where a damaged file is set aside: ``progress.json.corrupt-<stamp>`` beside it."""
    return path.with_name(f"{path.name}.corrupt-{stamp}")


def keep_copies(where: Locations, stamp: str) -> Path:
    """Copy the snapshot and log, as they are, to ``*.corrupt-<stamp>``; the snapshot's copy."""
    for source in (where.snapshot, where.log):
        if source.exists():
            files.write_atomic(corrupt_copy(source, stamp), source.read_bytes())
    return corrupt_copy(where.snapshot, stamp)


def remove_temp_files(where: Locations) -> None:
    """Temp files of saves killed mid-write (only a save holding the lock writes one)."""
    for path in (where.snapshot, where.log, where.history):
        for orphan in path.parent.glob(f".{path.name}.*.tmp"):
            orphan.unlink(missing_ok=True)


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
