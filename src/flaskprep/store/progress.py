"""The progress store: a snapshot of card states plus an append-only review log.

``load()`` never raises on a damaged file (``notices`` says what was set aside, the
original kept as ``progress.json.corrupt-<UTC time>``); a grade appends one fsynced log
line; other changes compact under the lock after catching up with other processes (see
``docs/architecture.md``). Newer formats are refused; older ones migrated (``.v<N>.bak``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TypeVar

from flaskprep import clock, paths
from flaskprep.errors import ProgressError
from flaskprep.store import files, log, moves
from flaskprep.store import format as fmt
from flaskprep.store.history import HistoryReader
from flaskprep.store.locations import Locations, keep_copies, locate, move_aside, remove_temp_files
from flaskprep.store.migration import migrate
from flaskprep.store.records import CardState, InterviewRecord, Progress, Review
from flaskprep.store.salvage import Rebuild, aside_copies, read_back
from flaskprep.store.snapshot import Decoded, decode_snapshot, encode_history, encode_snapshot

VERSION = fmt.VERSION
HINT = "set FLASKPREP_HOME to a writable folder"
LOCK_TIMEOUT_S = 10.0
COMPACT_BYTES = 2_000_000
T = TypeVar("T")  # what a change returns


class _Unreadable(Exception):
    """The snapshot cannot be read at all (the store moves it aside or refuses)."""


class ProgressStore:
    def __init__(self, path: Path | None = None, *, rebuild: Rebuild | None = None) -> None:
        """``rebuild`` makes a card from a question's reviews, if the cards are ever lost."""
        self.path = path if path is not None else paths.progress_file()
        self._rebuild = rebuild
        self.notices: list[str] = []
        self._progress: Progress | None = None
        self._snapshot_stamp: files.Stamp | None = None
        self._generation: str | None = None
        self._log_inode: int | None = None
        self._log_end = 0
        self._damage: list[str] = []
        self._old_version: tuple[int, bytes] | None = None
        self._swept = False
        self._history: HistoryReader | None = None

    def load(self) -> Progress:
        """The current progress; damage is set aside (see ``notices``), never raised."""
        where = locate(self.path)
        try:
            progress = self._fresh(where)
        except _Unreadable as exc:
            if where.linked:
                raise self._unreadable_link(where, exc) from None
            progress = None
        if progress is not None and not self._damage:
            return progress
        with self._lock(where):
            return self._repaired(where)

    def _fresh(self, where: Locations) -> Progress:
        stamp = files.stamp(where.snapshot)
        if self._progress is None or stamp != self._snapshot_stamp:
            self._read_snapshot(where, stamp)
        assert self._progress is not None
        if not self._read_log(where, self._progress):  # compacted by another process
            self._read_snapshot(where, files.stamp(where.snapshot))
            assert self._progress is not None
            self._read_log(where, self._progress)
        return self._progress

    def _read_snapshot(self, where: Locations, stamp: files.Stamp | None) -> None:
        self._progress = None
        progress, generation, damage = Progress(), None, []
        self._history = HistoryReader(where.history, None, self.notices)
        if stamp is not None:
            try:
                decoded = self._decode(files.read_capped(where.snapshot), self._history)
            except (OSError, ValueError, RecursionError) as exc:
                raise _Unreadable(files.describe(exc)) from None
            progress, generation, damage = decoded.progress, decoded.log, decoded.rejected
        self._progress, self._generation, self._damage = progress, generation, damage
        assert self._history is not None
        self._history.generation = generation
        self._snapshot_stamp, self._log_inode, self._log_end = stamp, None, 0

    def _decode(self, raw: bytes, history: HistoryReader) -> Decoded:
        data = json.loads(raw)
        version = data.get("version") if isinstance(data, dict) else None
        if not isinstance(version, int) or isinstance(version, bool):
            raise fmt.FormatError("no version number")
        if version > VERSION:
            raise ProgressError(
                f"{self.path} was written by a newer flaskprep (format {version}, this one "
                f"reads {VERSION}); it was left untouched",
                hint="upgrade flaskprep, or set FLASKPREP_HOME to use another folder",
            )
        if version < VERSION:
            data = migrate(data, version)
            self._old_version = (version, raw)
        return decode_snapshot(data, history.for_deck)

    def _read_log(self, where: Locations, progress: Progress) -> bool:
        """Apply the log's new lines; False if it is not the file read so far (re-read all)."""
        if files.stat_or_none(where.log) is None:  # also refuses a FIFO, which open would wait on
            return not self._log_end
        try:
            with where.log.open("rb") as handle:
                info = os.fstat(handle.fileno())
                if self._log_end and info.st_ino != self._log_inode:
                    return False
                if info.st_size <= self._log_end:
                    return True
                handle.seek(self._log_end)
                data = handle.read(info.st_size - self._log_end)
        except FileNotFoundError:
            return not self._log_end
        except OSError as exc:
            raise self._error("cannot read its review log", exc) from None
        tail = log.read_tail(data, self._log_end, self._generation, progress)
        if tail.current:
            self._log_inode, self._log_end = info.st_ino, tail.end
            self._damage += tail.bad
        return True

    def _repaired(self, where: Locations) -> Progress:
        """Under the lock: read again from scratch and set aside whatever is damaged."""
        self._progress = None
        try:
            progress = self._fresh(where)
        except _Unreadable as exc:
            if where.linked:
                raise self._unreadable_link(where, exc) from None
            self._move_aside(where, str(exc))
            self._progress = None
            return self._fresh(where)
        if self._damage:
            self._set_aside(where, progress)
        return progress

    def _unreadable_link(self, where: Locations, reason: BaseException) -> ProgressError:
        return ProgressError(
            f"progress file {self.path} (a link to {where.snapshot}) is unreadable "
            f"({reason}); nothing was changed",
            hint="point the link at a progress file, or remove it",
        )

    def _move_aside(self, where: Locations, reason: str) -> None:
        """Set the unreadable files aside; what their copies still hold (every review, the
        log's cards) becomes the new progress (``store/salvage.py``)."""
        stamp = clock.file_stamp(clock.now())
        try:
            target = move_aside(where, stamp)
        except OSError as exc:
            raise self._error("is unreadable and cannot be moved aside", exc) from None
        self._read_snapshot(where, None)
        what, found = "started fresh", read_back(where, stamp, self._rebuild)
        try:
            if found is not None:
                self._generation, self._log_end = found.through or (None, 0)
                self._compact(where, found.progress)
                what = found.told()
        except ProgressError as exc:  # a full disk: the copies stay, load() still answers
            self._read_snapshot(where, None)
            what = f"started fresh (what its copies hold could not be saved: {exc})"
        also = " (its review log and history too)" if any(aside_copies(where, stamp)) else ""
        self.notices.append(
            f"progress file was unreadable ({reason}); moved it to {target}{also} and {what}"
        )

    def _set_aside(self, where: Locations, progress: Progress) -> None:
        """Keep the damaged files as they are, then save what could be read."""
        count, first = len(self._damage), self._damage[0]
        self._damage = []
        try:
            kept = keep_copies(where, clock.file_stamp(clock.now()))
            self._compact(where, progress)
        except (OSError, ProgressError) as exc:
            self.notices.append(
                f"progress file has {count} unreadable entries ({first}); "
                f"left them out but could not save: {files.describe(exc)}"
            )
            return
        self.notices.append(
            f"progress file had {count} unreadable entr{'y' if count == 1 else 'ies'} "
            f"({first}); left out, the original kept at {kept}"
        )

    def check_writable(self) -> None:
        """Raise ``ProgressError`` now if grades could not be saved later."""
        where = locate(self.path)
        files.ensure_folder(folder := where.snapshot.parent, HINT)
        if not files.can_write(folder):
            raise ProgressError(f"cannot write to data folder {folder}", hint=HINT)
        for path in (where.snapshot, where.log, where.history):
            files.refuse_read_only(path, HINT)
        try:
            files.probe(folder / f".{where.snapshot.name}.probe-{os.getpid()}")
        except OSError as exc:
            raise self._error("cannot be saved", exc) from None
        self.load()

    def record(self, deck_key: str, review: Review, card: CardState) -> None:
        self._append(
            log.grade_line(deck_key, review, card),
            lambda p, at: log.apply_grade(p, deck_key, review, card, at),
        )

    def undo(self, deck_key: str, review: Review, previous_card: CardState | None) -> None:
        self._append(
            log.undo_line(deck_key, review, previous_card),
            lambda p, at: log.apply_undo(p, deck_key, review, previous_card, at),
        )

    def add_interview(self, deck_key: str, record: InterviewRecord) -> None:
        self._append(
            log.interview_line(deck_key, record),
            lambda p, _at: log.apply_interview(p, deck_key, record),
        )

    def reset(self, deck_key: str, question_ids: Collection[str] | None) -> int:
        """Forget cards and reviews of ``question_ids`` (all of the deck's when ``None``)."""
        return self._rewrite(lambda progress: moves.reset(progress, deck_key, question_ids))

    def carry_over(self, deck_key: str, carried: dict[str, str]) -> None:
        """Give each reworded question (new id) a copy of its old card; the old one stays."""
        if carried:
            self._rewrite(lambda progress: moves.carry_over(progress, deck_key, carried))

    def follow(self, deck_key: str, question_ids: Collection[str]) -> None:
        """A deck whose file moved to ``deck_key`` keeps its progress (``store.moves``)."""
        if moves.moved_from(self.load(), deck_key, question_ids) is None:
            return
        found = self._rewrite(lambda progress: moves.follow(progress, deck_key, question_ids))
        if found is not None:
            self.notices.append(f"progress of {found} follows the deck to {deck_key}")

    def unreachable(self) -> list[moves.Unreachable]:
        return moves.unreachable(self.load())

    def forget(self, deck_key: str) -> moves.Unreachable:
        """Drop the progress of a deck whose file is gone (``UsageError`` if in use/unknown)."""
        return self._rewrite(lambda progress: moves.forget(progress, deck_key))

    def relink(self, old_key: str, new_key: str) -> None:
        """Give the progress under ``old_key`` to the deck keyed ``new_key`` (without any)."""
        self._rewrite(lambda progress: moves.relink(progress, old_key, new_key))

    def _append(self, line: bytes, apply: Callable[[Progress, int], None]) -> None:
        where = self._prepared()
        with self._lock(where):
            progress = self._locked_fresh(where)
            if self._generation is None:  # a migrated file: its first save compacts
                self._compact(where, progress)
            elif self._log_inode is None:  # no log of this snapshot's generation yet
                self._begin_log(where, self._generation)
            files.refuse_read_only(where.snapshot, HINT)
            files.refuse_read_only(where.log, HINT)
            try:
                if files.size(where.log) != self._log_end:  # a torn line nobody was told was saved
                    files.truncate_synced(where.log, self._log_end)
                at, self._log_end = self._log_end, files.append_synced(where.log, line)
            except OSError as exc:
                self._progress = None  # re-read: what is on disk is the truth
                raise self._error("could not be saved; the previous file is intact", exc) from None
            apply(progress, at)
            if self._log_end > COMPACT_BYTES:
                self._compact(where, progress)

    def _rewrite(self, change: Callable[[Progress], T]) -> T:
        where = self._prepared()
        with self._lock(where):
            progress = self._locked_fresh(where)
            result = change(progress)
            self._compact(where, progress)
        return result

    def _prepared(self) -> Locations:
        """Where the files are, their folder made; an unreadable link target is refused
        before any lock is made."""
        where = locate(self.path)
        files.ensure_folder(where.snapshot.parent, HINT)
        if where.linked:
            self.load()
        return where

    def _locked_fresh(self, where: Locations) -> Progress:
        if not self._swept:  # temp files of saves killed mid-write, once per store
            self._swept = True
            remove_temp_files(where)
        try:
            progress = self._fresh(where)
        except _Unreadable:
            return self._repaired(where)
        if self._damage:
            return self._repaired(where)
        if self._history is not None and self._history.damaged:
            self._compact(where, progress)  # a clean history without the rows set aside
        return progress

    def _compact(self, where: Locations, progress: Progress) -> None:
        """Rewrite the snapshot with everything, then begin a fresh log (see ``log``)."""
        files.refuse_read_only(where.snapshot, HINT)
        generation = log.new_generation()
        for deck in progress.decks.values():
            deck.reviews  # noqa: B018 - read the history now: it is about to be rewritten
        through = (self._generation, self._log_end) if self._generation else None
        try:
            self._keep_old_version(where)
            files.write_atomic(where.history, encode_history(progress, through))
            files.write_atomic(where.snapshot, encode_snapshot(progress, generation))
        except OSError as exc:
            self._progress = None
            raise self._error("could not be saved; the previous file is intact", exc) from None
        self._snapshot_stamp, self._generation = files.stamp(where.snapshot), generation
        self._history = HistoryReader(where.history, generation, self.notices)
        self._begin_log(where, generation)

    def _begin_log(self, where: Locations, generation: str) -> None:
        try:
            files.write_atomic(where.log, log.header(generation))
        except OSError as exc:
            raise self._error("could not be saved; the previous file is intact", exc) from None
        info = files.stat_or_none(where.log)
        self._log_inode, self._log_end = (info.st_ino, info.st_size) if info else (None, 0)

    def _keep_old_version(self, where: Locations) -> None:
        if self._old_version is not None:
            (version, raw), self._old_version = self._old_version, None
            files.write_atomic(backup := where.beside(f".v{version}.bak"), raw)
            self.notices.append(
                f"progress file upgraded to format {VERSION}; old copy kept at {backup}"
            )

    def _lock(self, where: Locations) -> AbstractContextManager[None]:
        return files.progress_lock(where.lock, self.path, LOCK_TIMEOUT_S, HINT)

    def _error(self, what: str, exc: BaseException) -> ProgressError:
        return ProgressError(f"progress file {self.path} {what}: {files.describe(exc)}", hint=HINT)
