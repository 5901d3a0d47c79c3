"""The progress store and the clock as the commands that read or write progress open them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo

from rich.text import Text

from flaskprep.cli import common
from flaskprep.errors import ProgressError
from flaskprep.model import Deck
from flaskprep.scheduling import replay
from flaskprep.store import ProgressStore
from flaskprep.ui.safe import clean


def progress_store() -> ProgressStore:
    """The progress store, able to rebuild cards from reviews if its snapshot is lost."""
    return ProgressStore(rebuild=replay)


def open_store(decks: Sequence[Deck] = ()) -> ProgressStore:
    """The progress store, loaded, with the progress of ``decks`` that moved following
    them; notices (a file moved aside...) go to stderr."""
    store = progress_store()
    known = store.load().decks
    for deck in (d for d in decks if d.key not in known):
        try:
            store.follow(deck.key, {q.id for q in deck.questions})
        except ProgressError as exc:  # it stays where it was; reading still works
            store.notices.append(str(exc))
    for notice in store.notices:
        common.console(stderr=True).print(Text(clean(notice), style="yellow"))
    store.notices.clear()
    return store


def clock() -> tuple[datetime, tzinfo]:
    """Now (UTC) and the user's time zone."""
    now = datetime.now(timezone.utc)
    return now, now.astimezone().tzinfo or timezone.utc
