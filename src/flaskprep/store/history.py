"""Reading the review history (``progress.reviews.json``) only when a deck's reviews are wanted.

One reader per snapshot read: the file is parsed once, each deck's rows decoded the
first time that deck's reviews are asked for. A damaged file or row never raises: it
is copied aside to ``progress.reviews.json.corrupt-<UTC time>`` with a notice, the
rest is used, and the store rewrites a clean history at its next save (``damaged``).
"""

from __future__ import annotations

import json
from pathlib import Path

from flaskprep import clock
from flaskprep.store import files
from flaskprep.store.locations import corrupt_copy
from flaskprep.store.records import History, Review
from flaskprep.store.snapshot import DecodedHistory, decode_history, decode_reviews


class HistoryReader:
    def __init__(self, path: Path, generation: str | None, notices: list[str]) -> None:
        self.path = path
        self.generation = generation
        self.damaged = False
        self._notices = notices
        self._decoded: DecodedHistory | None = None

    def for_deck(self, key: str) -> History:
        return lambda: self._reviews(key)

    def _reviews(self, key: str) -> tuple[list[Review], int]:
        decoded = self._read()
        rejected: list[str] = []
        try:
            reviews = decode_reviews(key, decoded.decks.pop(key, None), rejected)
        except ValueError as exc:
            reviews, rejected = [], [f"deck {key}: {exc}"]
        if rejected:
            self._set_aside(f"{len(rejected)} unreadable reviews ({rejected[0]})")
        through = decoded.through
        included = through[1] if through is not None and through[0] == self.generation else 0
        return reviews, included

    def _read(self) -> DecodedHistory:
        if self._decoded is None:
            self._decoded = DecodedHistory({}, None)
            try:
                self._decoded = decode_history(json.loads(files.read_capped(self.path)))
            except FileNotFoundError:
                pass
            except (OSError, ValueError, RecursionError) as exc:
                self._set_aside(f"unreadable ({files.describe(exc)})")
        return self._decoded

    def _set_aside(self, what: str) -> None:
        self.damaged = True
        copy = corrupt_copy(self.path, clock.file_stamp(clock.now()))
        try:
            files.write_atomic(copy, self.path.read_bytes())
        except OSError as exc:
            self._notices.append(f"review history {self.path}: {what}; left out ({exc})")
            return
        self._notices.append(
            f"review history {self.path}: {what}; left out, the original kept at {copy}"
        )
