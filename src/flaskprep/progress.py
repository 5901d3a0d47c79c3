"""The progress file: a versioned JSON store of card states and the review log.

API (for quiz, stats, reset, check, interview)::

    store = ProgressStore()            # path defaults to paths.progress_file()
    progress = store.load()            # Progress; never raises on a corrupt file
    store.notices                      # one-line messages to show the user (file moved aside...)
    store.check_writable()             # ProgressError (hint FLASKPREP_HOME) before a session
    store.record(deck_key, review, card)          # every grade, saved at once; ``card`` is
                                                  # computed from a fresh load(), so it wins
    store.undo(deck_key, review, previous_card)   # take a grade back, card restored
    store.add_interview(deck_key, report)         # a JSON-able interview report
    store.reset(deck_key, question_ids | None)    # -> number of cards forgotten
    store.carry_over(deck_key, {new_id: old_id})  # progress of reworded questions

    progress.deck(key) -> DeckProgress(cards={qid: card dict}, reviews=[Review], interviews=[dict])

Treat ``Progress`` as a read-only snapshot: change it only through the store. Card dicts
are :mod:`flaskprep.scheduling`'s (plus ``"question"``: the question text at its last
review). Decks are keyed by ``Deck.key`` (``bundled:flask-interview-prep`` for the
bundled deck, so its progress survives upgrades). Progress of questions that left
the deck is kept, never deleted, so undoing a deck edit restores it.

File layout (version 1)::

    {"version": 1, "decks": {KEY: {"cards": {QID: CARD}, "interviews": [...],
      "reviews": [[QID, AT_ISO, RATING, MODE, DURATION_MS, SCORE_OR_NULL], ...]}}}

Every change takes a lock, re-reads the file if another process changed it, applies
the change and saves (temp file in the same folder, flush, fsync, ``os.replace``,
mode 0600), so two quizzes in two terminals keep both sets of reviews. A corrupt or
wrong-shaped file is moved aside to ``progress.json.corrupt-<UTC time>`` and a notice
says where; a file from a newer flaskprep is refused (``ProgressError``) and never
overwritten; an older version is migrated, the old file kept as
``progress.json.v<N>.bak`` at the first save.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from flaskprep import paths
from flaskprep.errors import ProgressError
from flaskprep.regular_file import UnusableFile, check_regular, read_regular
from flaskprep.scheduling import parse_time

if TYPE_CHECKING:
    from flaskprep import progress_format

VERSION = 1
HINT = "set FLASKPREP_HOME to a writable folder"
LOCK_TIMEOUT_S = 10.0
MAX_PROGRESS_BYTES = 512 << 20
"""Years of daily reviews take a few MB; anything near this is not a progress file."""
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Review:
    question_id: str
    at: datetime
    rating: int
    mode: str
    duration_ms: int
    score: float | None = None

    @property
    def identity(self) -> tuple[str, datetime, str]:
        """Two reviews with the same question, instant and mode are the same review."""
        return (self.question_id, self.at, self.mode)


@dataclass(slots=True)
class DeckProgress:
    cards: dict[str, dict[str, Any]] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)
    interviews: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Progress:
    decks: dict[str, DeckProgress] = field(default_factory=dict)

    def deck(self, key: str) -> DeckProgress:
        """The deck's progress (an empty one, not stored, if it has none yet)."""
        return self.decks.get(key) or DeckProgress()

    def _deck_for_update(self, key: str) -> DeckProgress:
        return self.decks.setdefault(key, DeckProgress())


class _Corrupt(Exception):
    pass


class ProgressStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.progress_file()
        self.notices: list[str] = []
        self._progress: Progress | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._old_version: tuple[int, bytes] | None = None
        self._encoder: progress_format.Encoder | None = None
        self._swept = False

    # -- reading -------------------------------------------------------------------

    def load(self) -> Progress:
        """The current progress; a corrupt file is moved aside (see ``notices``)."""
        try:
            return self._fresh()
        except _Corrupt:
            with self._lock():
                return self._fresh(move_corrupt=True)

    def _fresh(self, *, move_corrupt: bool = False) -> Progress:
        stamp = self._current_stamp()
        if self._progress is not None and (stamp is None or stamp == self._stamp):
            return self._progress
        progress = Progress() if stamp is None else self._read(move_corrupt)
        self._progress, self._stamp = progress, stamp
        return progress

    def _current_stamp(self) -> tuple[int, int, int] | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._error("cannot read", exc) from None
        try:
            check_regular(info)  # a FIFO would block every command, /dev/zero fill memory
        except UnusableFile as exc:
            raise self._unusable(exc) from None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def _read(self, move_corrupt: bool) -> Progress:
        try:
            raw = read_regular(self.path, MAX_PROGRESS_BYTES)
            return self._decode_file(raw)
        except UnusableFile as exc:
            raise self._unusable(exc) from None
        except (OSError, ValueError, RecursionError, _Corrupt) as exc:
            if not move_corrupt:
                raise _Corrupt(str(exc)) from None
            self._move_aside(exc)
            return self._progress or Progress()

    def _decode_file(self, raw: bytes) -> Progress:
        from flaskprep import progress_format

        data = json.loads(raw)
        version = data.get("version") if isinstance(data, dict) else None
        if not isinstance(version, int) or isinstance(version, bool):
            raise _Corrupt("no version number")
        if version > VERSION:
            raise ProgressError(
                f"{self.path} was written by a newer flaskprep (format {version}, this one "
                f"reads {VERSION}); it was left untouched",
                hint="upgrade flaskprep, or set FLASKPREP_HOME to use another folder",
            )
        if version < VERSION:
            data = progress_format.migrate(data, version)
            self._old_version = (version, raw)
        try:
            return progress_format.decode(data)
        except progress_format.FormatError as exc:
            raise _Corrupt(str(exc)) from None

    def _move_aside(self, reason: BaseException) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.replace(target)
            target.chmod(0o600)
        except OSError as exc:
            raise self._error("is unreadable and cannot be moved aside", exc) from None
        self.notices.append(
            f"progress file was unreadable ({_short(reason)}); moved it to {target} "
            "and started fresh"
        )

    # -- writing -------------------------------------------------------------------

    def check_writable(self) -> None:
        """Raise ``ProgressError`` now if grades could not be saved later."""
        from flaskprep import progress_format

        self._ensure_folder()
        if not progress_format.can_write(self.path.parent):
            raise ProgressError(f"cannot write to data folder {self.path.parent}", hint=HINT)
        if self.path.exists() and not progress_format.can_write(self.path):
            raise ProgressError(f"progress file {self.path} is read-only", hint=HINT)
        try:
            progress_format.probe(self.path.with_name(f".{self.path.name}.probe-{os.getpid()}"))
        except OSError as exc:
            raise self._error("cannot be saved", exc) from None
        self.load()

    def record(self, deck_key: str, review: Review, card: dict[str, Any]) -> None:
        def change(progress: Progress) -> None:
            deck = progress._deck_for_update(deck_key)
            if all(r.identity != review.identity for r in deck.reviews[-8:]):
                deck.reviews.append(review)
            deck.cards[review.question_id] = card

        self._update(change, (deck_key, (review.question_id,)))

    def undo(self, deck_key: str, review: Review, previous_card: dict[str, Any] | None) -> None:
        def change(progress: Progress) -> None:
            deck = progress._deck_for_update(deck_key)
            deck.reviews[:] = [r for r in deck.reviews if r.identity != review.identity]
            current = deck.cards.get(review.question_id)
            if current is not None and _last_review(current) == review.at:
                if previous_card is None:
                    del deck.cards[review.question_id]
                else:
                    deck.cards[review.question_id] = previous_card

        self._update(change, (deck_key, (review.question_id,)))

    def add_interview(self, deck_key: str, report: dict[str, Any]) -> None:
        self._update(
            lambda progress: progress._deck_for_update(deck_key).interviews.append(report),
            (deck_key, ()),
        )

    def reset(self, deck_key: str, question_ids: Collection[str] | None) -> int:
        """Forget cards and reviews of ``question_ids`` (all of the deck's when ``None``)."""

        def change(progress: Progress) -> int:
            deck = progress._deck_for_update(deck_key)
            doomed = set(deck.cards if question_ids is None else question_ids)
            count = sum(1 for qid in doomed if qid in deck.cards)
            deck.cards = {q: c for q, c in deck.cards.items() if q not in doomed}
            deck.reviews = [r for r in deck.reviews if r.question_id not in doomed]
            return count

        return self._update(change)

    def carry_over(self, deck_key: str, moves: dict[str, str]) -> None:
        """Give each reworded question (new id) a copy of its old card; the old one stays."""

        def change(progress: Progress) -> None:
            deck = progress._deck_for_update(deck_key)
            for new_id, old_id in moves.items():
                if new_id not in deck.cards and old_id in deck.cards:
                    deck.cards[new_id] = {**deck.cards[old_id], "carried_from": old_id}

        if moves:
            self._update(change)

    def _update(
        self, change: Callable[[Progress], T], touched: progress_format.Touched = None
    ) -> T:
        self._ensure_folder()
        with self._lock():
            self._remove_orphaned_temp_files()
            progress = self._fresh(move_corrupt=True)
            result = change(progress)
            self._save(progress, touched)
        return result

    def _save(self, progress: Progress, touched: progress_format.Touched) -> None:
        from flaskprep import progress_format

        if self.path.exists() and not progress_format.can_write(self.path):
            raise ProgressError(f"progress file {self.path} is read-only", hint=HINT)
        try:
            self._keep_old_version()
            if self._encoder is None:
                self._encoder = progress_format.Encoder()
            progress_format.write_atomic(
                self.path, self._encoder.encode(progress, VERSION, touched)
            )
        except OSError as exc:
            self._progress, self._stamp = None, None  # drop the unsaved change: re-read
            raise self._error("could not be saved; the previous file is intact", exc) from None
        self._progress, self._stamp = progress, self._current_stamp()

    def _remove_orphaned_temp_files(self) -> None:
        """Temp files of saves killed mid-write (only a save holding the lock writes one)."""
        if self._swept:
            return
        self._swept = True
        for orphan in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            orphan.unlink(missing_ok=True)

    def _keep_old_version(self) -> None:
        from flaskprep import progress_format

        if self._old_version is None:
            return
        version, raw = self._old_version
        backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
        progress_format.write_atomic(backup, raw)
        self._old_version = None
        self.notices.append(
            f"progress file upgraded to format {VERSION}; old copy kept at {backup}"
        )

    def _ensure_folder(self) -> None:
        folder = self.path.parent
        if folder.is_dir():
            return
        if folder.exists():
            raise ProgressError(f"data folder {folder} is a file, not a folder", hint=HINT)
        try:
            paths.make_private_folder(folder)
        except FileExistsError:
            return
        except OSError as exc:
            raise ProgressError(
                f"cannot create data folder {folder}: {_short(exc)}", hint=HINT
            ) from None

    @contextmanager
    def _lock(self) -> Iterator[None]:
        from flaskprep import progress_format

        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            with progress_format.file_lock(lock_path, LOCK_TIMEOUT_S):
                yield
        except TimeoutError:
            raise ProgressError(
                f"{self.path} is locked by another flaskprep for over {LOCK_TIMEOUT_S:.0f}s",
                hint="close the other flaskprep or remove the .lock file",
            ) from None
        except OSError as exc:  # permission denied, or the lock's name taken by a folder
            raise self._error("cannot be locked", exc) from None

    def _unusable(self, exc: UnusableFile) -> ProgressError:
        hint = "move it away and flaskprep starts a new one, or set FLASKPREP_HOME"
        return ProgressError(f"progress file {self.path} {exc.reason}", hint=hint)

    def _error(self, what: str, exc: BaseException) -> ProgressError:
        return ProgressError(f"progress file {self.path} {what}: {_short(exc)}", hint=HINT)


def _last_review(card: dict[str, Any]) -> datetime:
    text = card.get("last_review")
    return parse_time(text) if isinstance(text, str) else datetime.min.replace(tzinfo=timezone.utc)


def _short(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON at line {exc.lineno} column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


__all__ = ["VERSION", "DeckProgress", "Progress", "ProgressStore", "Review"]
