"""The end of a quiz: what was seen and graded, and when the next question falls due."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.console import Group, RenderableType
from rich.text import Text

from flaskprep.learn.session import Tally
from flaskprep.scheduling import Rating
from flaskprep.ui.quiz_view import RATING_STYLES


def render_summary(
    tally: Tally, elapsed: timedelta, next_due: datetime | None, now: datetime, cram: bool
) -> RenderableType:
    """Each question seen counts once (right, wrong or skipped); repeats come after."""
    seen = tally.seen
    head = Text(f"Seen {seen} question{'' if seen == 1 else 's'} in {_duration(elapsed)}", "bold")
    counts = Text(f"right {tally.right} · wrong {tally.wrong}")
    if tally.skipped:
        counts.append(f" · skipped {tally.skipped}")
    counts.append("  (")
    for index, rating in enumerate(Rating):
        counts.append(
            ("" if index == 0 else " · ") + f"{rating.label} {tally.ratings[rating]}",
            RATING_STYLES[rating],
        )
    counts.append(")")
    lines: list[RenderableType] = [Text(""), head, counts]
    if tally.repeats:
        again = tally.repeats - tally.repeats_right
        lines.append(
            Text(
                f"Repeated {tally.repeats} time{'' if tally.repeats == 1 else 's'}: "
                f"right {tally.repeats_right} · wrong {again}"
            )
        )
    if cram:
        lines.append(Text("Cram session: the schedule was not changed.", "dim"))
    lines.append(Text(f"Next due: {describe_due(next_due, now)}"))
    return Group(*lines)


def describe_due(due: datetime | None, now: datetime) -> str:
    """``now``, ``today 14:05``, ``tomorrow 09:00``, ``in 4 days (Mon 13 May)`` — local time."""
    if due is None:
        return "nothing scheduled yet"
    if due <= now:
        return "now"
    local, today = due.astimezone(), now.astimezone().date()
    days = (local.date() - today).days
    if days == 0:
        return f"today {local:%H:%M}"
    if days == 1:
        return f"tomorrow {local:%H:%M}"
    return f"in {days} days ({local:%a %d %b})"


def _duration(elapsed: timedelta) -> str:
    seconds = int(elapsed.total_seconds())
    return f"{seconds // 60}m {seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"
