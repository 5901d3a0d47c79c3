"""UTC time for everything that stores or schedules: now, parse, format.

Every datetime kept or compared in flaskprep is timezone-aware UTC. A naive
datetime is taken to be UTC already; one in another zone is converted, so a
``TZ`` change cannot shift a schedule. Local days (streaks, "today") are the
caller's business: they pass a ``tzinfo``.
"""

from __future__ import annotations

from datetime import datetime, timezone

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def now() -> datetime:
    return datetime.now(timezone.utc)


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def parse_time(text: str) -> datetime:
    """An ISO 8601 time as aware UTC; ``ValueError`` if it is not one (or not a str)."""
    if not isinstance(text, str):
        raise ValueError(f"not a time: {text!r}"[:80])
    try:
        return utc(datetime.fromisoformat(text))
    except OverflowError:  # a zone offset that pushes the time past year 1 or 9999
        raise ValueError(f"time out of range: {text!r}"[:80]) from None


def format_time(moment: datetime) -> str:
    """ISO 8601 in UTC (``2024-05-01T09:30:00+00:00``), as the progress file keeps it."""
    return utc(moment).isoformat()


def file_stamp(moment: datetime) -> str:
    """A compact UTC stamp for file names: ``20240501T093000Z``."""
    return utc(moment).strftime("%Y%m%dT%H%M%SZ")
