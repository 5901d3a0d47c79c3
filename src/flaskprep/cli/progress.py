"""The progress store and the clock as the commands that read or write progress open them."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo

from rich.text import Text

from flaskprep.cli import common
from flaskprep.store import ProgressStore
from flaskprep.ui.safe import clean


def open_store() -> ProgressStore:
    """The progress store, loaded; notices (a file moved aside...) go to stderr."""
    store = ProgressStore()
    store.load()
    for notice in store.notices:
        common.console(stderr=True).print(Text(clean(notice), style="yellow"))
    store.notices.clear()
    return store


def clock() -> tuple[datetime, tzinfo]:
    """Now (UTC) and the user's time zone."""
    now = datetime.now(timezone.utc)
    return now, now.astimezone().tzinfo or timezone.utc
