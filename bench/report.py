"""Result rows, budgets and the text/Markdown tables bench/run prints."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Budget:
    limit: float
    unit: str
    """``x`` (ratio to ``python -c pass``), ``ms`` or ``s``."""
    max_rss_mib: float | None = None

    def describe(self) -> str:
        text = f"≤ {self.limit:g}{'×' if self.unit == 'x' else ' ' + self.unit}"
        return text + (f", ≤ {self.max_rss_mib:g} MiB" if self.max_rss_mib else "")


@dataclass(frozen=True)
class Row:
    case: str
    deck: str = "-"
    cache: str = "-"
    seconds: float | None = None
    ratio: float | None = None
    max_rss: int | None = None
    error: str | None = None
    budget: Budget | None = None
    runs: int = 0

    @property
    def label(self) -> str:
        return f"{self.case} [{self.deck}, {self.cache}]"

    def misses(self) -> list[str]:
        """Why this row misses its budget (empty when it meets it or has none)."""
        if self.budget is None:
            return []
        if self.error is not None:
            return [f"{self.label}: error ({self.error})"]
        return _time_misses(self) + _rss_misses(self)

    def status(self, check: bool) -> str:
        if self.error is not None:
            return "error"
        if self.budget is None or not check:
            return ""
        return "MISS" if self.misses() else "ok"


def _time_misses(row: Row) -> list[str]:
    assert row.budget is not None and row.seconds is not None
    value = {"x": row.ratio, "ms": row.seconds * 1000, "s": row.seconds}[row.budget.unit]
    if value is None or value <= row.budget.limit:
        return []
    return [f"{row.label}: {_fmt_value(value, row.budget.unit)} > {row.budget.describe()}"]


def _rss_misses(row: Row) -> list[str]:
    assert row.budget is not None
    if row.budget.max_rss_mib is None or row.max_rss is None:
        return []
    rss = row.max_rss / MIB
    if rss <= row.budget.max_rss_mib:
        return []
    return [f"{row.label}: peak RSS {rss:.0f} MiB > {row.budget.max_rss_mib:g} MiB"]


def _fmt_value(value: float, unit: str) -> str:
    return f"{value:.1f}×" if unit == "x" else f"{value:.3g} {unit}"


HEADERS = ("case", "deck", "cache", "median", "× python", "peak RSS", "budget", "status")


def cells(row: Row, check: bool) -> tuple[str, ...]:
    median = "-" if row.seconds is None else _fmt_time(row.seconds)
    ratio = "-" if row.ratio is None else f"{row.ratio:.1f}×"
    rss = "-" if row.max_rss is None else f"{row.max_rss / MIB:.0f} MiB"
    budget = row.budget.describe() if row.budget else ""
    status = row.status(check)
    if row.error is not None:
        status = f"error: {row.error}"
    return (row.case, row.deck, row.cache, median, ratio, rss, budget, status)


def _fmt_time(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def text_table(rows: list[Row], check: bool) -> str:
    table = [HEADERS, *(cells(row, check) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(rows: list[Row], check: bool) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + " --- |" * len(HEADERS)]
    for row in rows:
        text = (c.replace("|", "\\|") for c in cells(row, check))
        lines.append("| " + " | ".join(text) + " |")
    return "\n".join(lines)


def machine_line(baseline: float | None, runs: int, clock: str) -> str:
    base = f"; `python -c pass` = {baseline * 1000:.1f} ms" if baseline else ""
    what = "wall time" if clock == "wall" else "CPU time (user + system)"
    return (
        f"{dt.date.today().isoformat()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()} ({sys.implementation.name}), "
        f"{platform.system()} {platform.machine()}; {what}, median of {runs} runs{base}"
    )
