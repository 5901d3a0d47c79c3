"""``flaskprep stats`` as pictures: key numbers, a review heatmap, bars and a forecast.

Only draws: every number comes from :mod:`flaskprep.stats`. Shades are both a
character (``·░▒▓█``) and a colour, so the pictures survive ``NO_COLOR``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from flaskprep.stats import Counts, DeckStats, InterviewSummary, SectionStats, top_sections
from flaskprep.ui.answer_text import plain
from flaskprep.ui.fit import FirstThatFits

SHADES = ("·", "░", "▒", "▓", "█")
SHADE_STYLES = ("bright_black", "green", "green", "bright_green", "bold bright_green")
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
BAR_WIDTH = 20


def render_stats(stats: DeckStats) -> RenderableType:
    title = Text(plain(stats.deck_title), style="bold")
    title.append(f"  ·  {stats.today.isoformat()}", style="dim")
    parts: list[RenderableType] = [
        title,
        Text(""),
        render_numbers(stats),
        Text(""),
        render_heatmap(stats.heatmap, stats.today),
        Text(""),
        render_sections(stats.sections),
        Text(""),
        render_forecast(stats.forecast, stats.today),
    ]
    if stats.interviews:
        parts += [Text(""), render_interviews(stats.interviews)]
    return Group(*parts)


def render_numbers(stats: DeckStats) -> RenderableType:
    """Four numbers a row, or three, or two: whichever fits without wrapping one."""
    cells = _numbers(stats)
    return FirstThatFits(*(_grid(cells, per_row) for per_row in (4, 3, 2)))


def _grid(cells: list[Text], per_row: int) -> Table:
    table = Table.grid(padding=(0, 3))
    for column in range(per_row):
        widest = max(cell.cell_len for cell in cells[column::per_row])
        table.add_column(justify="left", no_wrap=True, min_width=widest)  # never cut
    for row in range(0, len(cells), per_row):
        padded = [*cells[row : row + per_row], *[Text()] * per_row][:per_row]
        table.add_row(*padded)  # no "" cell from rich: a str cell is parsed as markup
    return table


def _numbers(stats: DeckStats) -> list[Text]:
    counts = stats.counts
    return [
        _number("Questions", str(counts.questions)),
        _number("New", str(counts.new)),
        _number("Learning", str(counts.learning)),
        _number("Review", str(counts.review)),
        _number("Due now", str(counts.due), "bold yellow" if counts.due else ""),
        _number("Due tomorrow", str(stats.due_tomorrow)),
        _number("Reviewed", f"{counts.reviewed} question" + ("" if counts.reviewed == 1 else "s")),
        _number("Reviews", str(counts.reviews)),
        _number("Retention 30d", _retention(counts)),
        _number("Streak", f"{stats.streak} day" + ("" if stats.streak == 1 else "s")),
    ]


def _number(label: str, value: str, style: str = "") -> Text:
    text = Text(f"{label} ", style="dim")
    text.append(value, style=style or "bold")
    return text


def _retention(counts: Counts) -> str:
    """The share kept, or why there is none yet: retention counts reviews of questions
    first seen on an earlier day (``stats.py``), so a first day has none."""
    if counts.retention is None and counts.reviews:
        return "— (from day 2)"
    return _percent(counts.retention)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def shade_level(count: int, busiest: int) -> int:
    """0 for no reviews, else 1-4 relative to the busiest day."""
    if count <= 0 or busiest <= 0:
        return 0
    return min(4, max(1, math.ceil(4 * count / busiest)))


def render_heatmap(days: Sequence[tuple[date, int]], today: date) -> RenderableType:
    """Weekday rows × week columns, as GitHub and Anki draw them, with a legend."""
    busiest = max((n for _, n in days), default=0)
    weeks = math.ceil(len(days) / 7) if days else 0
    grid: list[list[Text]] = [[Text("  ") for _ in range(weeks)] for _ in range(7)]
    for index, (day, count) in enumerate(days):
        level = shade_level(count, busiest)
        grid[day.weekday()][index // 7] = Text(SHADES[level] + " ", style=SHADE_STYLES[level])
    lines = [Text("Reviews, last 12 weeks", style="bold"), _month_labels(days, weeks)]
    for weekday, cells in enumerate(grid):
        line = Text(f"{WEEKDAYS[weekday]:<4}", style="dim")
        for cell in cells:
            line.append_text(cell)
        lines.append(line)
    lines.append(_legend(sum(n for _, n in days)))
    return Group(*lines)


def _month_labels(days: Sequence[tuple[date, int]], weeks: int) -> Text:
    label = [" "] * (4 + 2 * weeks + 3)
    last_month = None
    for week in range(weeks):
        month = days[week * 7][0].month
        if month != last_month:
            name = days[week * 7][0].strftime("%b")
            start = 4 + 2 * week
            if all(c == " " for c in label[max(0, start - 1) : start + 3]):
                label[start : start + 3] = list(name)
            last_month = month
    return Text("".join(label).rstrip(), style="dim")


def _legend(total: int) -> Text:
    legend = Text("    less ", style="dim")
    for level, shade in enumerate(SHADES):
        legend.append(shade + " ", style=SHADE_STYLES[level])
    legend.append("more", style="dim")
    legend.append(f"   {total} review" + ("" if total == 1 else "s"), style="dim")
    return legend


def render_bar(fraction: float, width: int = BAR_WIDTH, style: str = "green") -> Text:
    """A horizontal bar with eighth-block precision."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    bar = Text("█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else ""), style=style)
    bar.append("·" * (width - full - (1 if rest else 0)), style="bright_black")
    return bar


SECTION_COLUMNS = ("Qs", "New", "Learn", "Review", "Due")
SECTION_ROWS = 20
"""At most this many sections get a row; the others share one summed row."""


def render_sections(sections: Sequence[SectionStats]) -> RenderableType:
    """The richest of three layouts that fits: a bar for retention, then plain numbers,
    then without the Learn and Review columns; headers are always whole. A deck with
    more than ``SECTION_ROWS`` sections shows those with the most due, then a summed row."""
    shown, rest = top_sections(sections, SECTION_ROWS)
    rows = [*shown, rest] if rest is not None else list(shown)
    return FirstThatFits(
        _sections_table(rows, SECTION_COLUMNS, bar=True),
        _sections_table(rows, SECTION_COLUMNS, bar=False),
        _sections_table(rows, ("Qs", "New", "Due"), bar=False),
    )


def _sections_table(
    sections: Sequence[SectionStats], columns: Sequence[str], *, bar: bool
) -> RenderableType:
    table = Table(
        title=Text("By section (retention over the last 30 days)", style="bold"),
        title_justify="left",
        box=None,
        pad_edge=False,
    )
    # Headers are Text, not str: rich parses no markup (nor loads its emoji table) for them.
    table.add_column(Text("Section"), max_width=36, min_width=16)  # wraps, not squeezes numbers
    for name in columns:
        table.add_column(Text(name), justify="right", no_wrap=True, min_width=len(name))
    rows = [_section_cells(section.counts, columns, bar) for section in sections]
    widest = max((cell.cell_len for *_, cell in rows), default=0)
    table.add_column(Text("Retention"), no_wrap=True, min_width=max(len("Retention"), widest))
    for section, cells in zip(sections, rows, strict=True):
        table.add_row(Text(plain(section.label)), *cells)
    return table


def _section_cells(counts: Counts, columns: Sequence[str], bar: bool) -> list[Text]:
    values = {
        "Qs": counts.questions,
        "New": counts.new,
        "Learn": counts.learning,
        "Review": counts.review,
        "Due": counts.due,
    }
    numbers = [Text(str(values[name])) for name in columns]
    if counts.retention is None:
        return [*numbers, Text("—", style="dim")]
    style = "green" if counts.retention >= 0.8 else "yellow" if counts.retention >= 0.6 else "red"
    cell = render_bar(counts.retention, 12, style) if bar else Text()
    cell.append(f" {_percent(counts.retention):>4}" if bar else _percent(counts.retention), style)
    cell.append(f" of {counts.retention_reviews}", style="dim")
    return [*numbers, cell]


def render_forecast(forecast: Sequence[tuple[date, int]], today: date) -> RenderableType:
    busiest = max((n for _, n in forecast), default=0)
    lines = [Text("Due in the next 7 days", style="bold")]
    for day, count in forecast:
        name = "Today" if day == today else day.strftime("%a %d")
        line = Text(f"{name:<7}", style="dim")
        line.append_text(render_bar(count / busiest if busiest else 0.0, BAR_WIDTH, "cyan"))
        line.append(f" {count}")
        lines.append(line)
    return Group(*lines)


def render_interviews(interviews: Sequence[InterviewSummary]) -> RenderableType:
    table = Table(
        title=Text("Mock interviews", style="bold"), title_justify="left", box=None, pad_edge=False
    )
    table.add_column(Text("Date"))  # Text, not str: no markup parsing (and its emoji table)
    table.add_column(Text("Questions"), justify="right")
    table.add_column(Text("Score"), no_wrap=True)
    for item in reversed(interviews):
        bar = render_bar(item.score, 10, "magenta")
        bar.append(f" {_percent(item.score)}")
        when = item.at.astimezone().strftime("%Y-%m-%d %H:%M")
        table.add_row(Text(when), Text(str(item.count)), bar)
    return table
