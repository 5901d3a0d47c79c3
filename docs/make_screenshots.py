#!/usr/bin/env python3
"""Make the README's pictures from real runs: docs/quiz.svg, docs/search.svg, docs/stats.svg.

Run from a source checkout whenever the output changes, then commit the SVGs::

    python docs/make_screenshots.py          # rewrite the pictures
    python docs/make_screenshots.py --check  # exit 1 if a committed picture is stale (CI)

Every picture is drawn by flaskprep's own code into Rich's ``Console(record=True)``
and saved with ``save_svg``. Data, cache and config go to a throwaway folder, the
clock and the random seed are fixed, so a rerun on unchanged code gives the same files.
"""

from __future__ import annotations

import io
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
WIDTH = 100
NOW = datetime(2025, 3, 14, 18, 30, tzinfo=timezone.utc)


def recording_console() -> Any:
    from rich.console import Console

    return Console(
        record=True,
        width=WIDTH,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
    )


def run_command(console: Any, *args: str) -> int:
    """``flaskprep ARGS`` through the real entry point, drawing into ``console``."""
    import flaskprep.cli.common as console_module  # every command's console comes from here
    from flaskprep.cli import main

    original = console_module.console
    console_module.console = lambda *_a, **_k: console
    try:
        return main(list(args))
    finally:
        console_module.console = original


OUTPUT = {"folder": DOCS}


def save(console: Any, name: str, title: str) -> None:
    target = OUTPUT["folder"] / name
    console.save_svg(str(target), title=title)
    if target.parent == DOCS:
        print(f"wrote docs/{name}")


def search_picture() -> None:
    console = recording_console()
    console.print("[bold green]$[/] flaskprep search blueprint --answers -n 3")
    code = run_command(console, "search", "blueprint", "--answers", "-n", "3")
    if code != 0:
        raise SystemExit(f"flaskprep search exited {code}")
    save(console, "search.svg", "flaskprep search")


def simulated_progress(deck: Any, rng: random.Random) -> Any:
    """Twelve weeks of a learner's reviews, ending at NOW: most days, a few gaps."""
    from flaskprep.scheduling import Rating, review_card
    from flaskprep.store import DeckProgress, Review

    progress = DeckProgress()
    questions = list(deck.questions)
    for days_ago in range(83, -1, -1):
        if rng.random() < 0.2:
            continue  # a day off
        day = NOW - timedelta(days=days_ago, hours=rng.randint(0, 8))
        for number in range(rng.randint(3, 18)):
            question = rng.choice(questions[: 20 + (83 - days_ago) // 2])
            rating = rng.choices(list(Rating), weights=(1, 2, 6, 2))[0]
            at = day + timedelta(minutes=number)
            card = progress.cards.get(question.id)
            progress.cards[question.id] = review_card(card, question.id, rating, at, fuzz=False)
            progress.reviews.append(Review(question.id, at, int(rating), "flash", 9000))
    return progress


def stats_picture() -> None:
    from flaskprep.deck_cache import load_deck
    from flaskprep.stats import compute_stats
    from flaskprep.ui.stats_view import render_stats

    deck = load_deck(None)
    stats = compute_stats(deck, simulated_progress(deck, random.Random(7)), NOW, timezone.utc)
    console = recording_console()
    console.print("[bold green]$[/] flaskprep stats")
    console.print(render_stats(stats))
    save(console, "stats.svg", "flaskprep stats")


class EchoedInput(io.StringIO):
    """Piped answers, echoed into the picture as a terminal would show the typing."""

    def __init__(self, text: str, console: Any) -> None:
        super().__init__(text)
        self.console = console

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        line = super().readline(-1 if size is None else size)
        if line.strip():
            self.console.print(f"[bold cyan]>[/] {line.strip()}", highlight=False)
        return line


def quiz_picture() -> None:
    """One typed answer through the real `quiz` command, read by its line protocol."""
    import flaskprep.cli.quiz_run as quiz_run

    console = recording_console()
    console.print("[bold green]$[/] flaskprep quiz --mode type")
    answer = "A lightweight microframework built on Werkzeug and Jinja2 with minimal boilerplate"
    ticks = iter(range(0, 10_000, 7))  # a steady fake clock: 7 s between readings
    saved = (sys.stdin, quiz_run._now, time.monotonic)
    sys.stdin = EchoedInput(f"{answer}\n\n", console)
    quiz_run._now = lambda: NOW
    time.monotonic = lambda: float(next(ticks))
    try:
        code = run_command(console, "quiz", "--mode", "type", "--count", "1", "--seed", "1")
    finally:
        sys.stdin, quiz_run._now, time.monotonic = saved
    if code != 0:
        raise SystemExit(f"flaskprep quiz exited {code}")
    save(console, "quiz.svg", "flaskprep quiz")


PICTURES: dict[str, Callable[[], None]] = {
    "quiz": quiz_picture,
    "search": search_picture,
    "stats": stats_picture,
}


def main(args: list[str]) -> int:
    check = "--check" in args
    names = [name for name in args if name != "--check"] or list(PICTURES)
    with tempfile.TemporaryDirectory() as home:
        for variable, sub in [
            ("FLASKPREP_HOME", "data"),
            ("FLASKPREP_CACHE_DIR", "cache"),
            ("FLASKPREP_CONFIG_DIR", "config"),
        ]:
            os.environ[variable] = str(Path(home) / sub)
        os.environ.pop("FLASKPREP_DECK", None)
        os.environ.pop("NO_COLOR", None)
        os.environ["TZ"] = "UTC"  # the quiz summary shows local times
        time.tzset()
        if check:
            OUTPUT["folder"] = Path(home)
        for name in names:
            PICTURES[name]()
        stale = [
            f"docs/{name}.svg"
            for name in names
            if check
            and (Path(home) / f"{name}.svg").read_bytes() != (DOCS / f"{name}.svg").read_bytes()
        ]
    for path in stale:
        print(
            f"{path} is stale: run python docs/make_screenshots.py and commit it", file=sys.stderr
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
