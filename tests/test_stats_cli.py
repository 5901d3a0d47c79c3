"""``flaskprep stats`` and ``flaskprep reset`` through the real entry point."""

from __future__ import annotations

import io
import json
import pydoc
import sys
from contextlib import redirect_stdout
from datetime import datetime, timedelta, timezone

import pytest

from cli_runner import run, run_into
from flaskprep.cli import main
from flaskprep.deck_cache import load_deck
from flaskprep.scheduling import Rating, review_card
from flaskprep.store import ProgressStore, Review


def grade_questions(*positions: int, section: int = 0) -> None:
    """Record a Good review for questions of a section, as a quiz would."""
    deck = load_deck()
    store = ProgressStore()
    now = datetime.now(timezone.utc) - timedelta(minutes=5)
    for position in positions:
        question = deck.sections[section].questions[position]
        card = review_card(None, question.id, Rating.GOOD, now)
        store.record(deck.key, Review(question.id, now, int(Rating.GOOD), "flash", 2000), card)


class TerminalInput(io.StringIO):
    def isatty(self) -> bool:
        return True


def stats_json() -> dict[str, object]:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_stats_json_on_a_fresh_home() -> None:
    document = stats_json()
    for key in ("questions", "reviewed", "reviews", "due", "sections"):
        assert key in document
    assert (document["questions"], document["reviewed"], document["reviews"]) == (63, 0, 0)
    assert len(document["sections"]) == 10  # type: ignore[arg-type]


def test_three_grades_show_three_reviews_and_three_reviewed() -> None:
    grade_questions(0, 1, 2)
    document = stats_json()
    assert (document["reviews"], document["reviewed"]) == (3, 3)
    assert document["new"] == 60
    assert document["streak"] == 1


def test_stats_text_draws_the_heatmap_and_charts() -> None:
    grade_questions(0)
    result = run("stats")
    assert result.exit_code == 0
    for heading in ("Reviews, last 12 weeks", "By section", "Due in the next 7 days"):
        assert heading in result.stdout
    assert "less · ░ ▒ ▓ █ more" in result.stdout
    assert "█" in result.stdout.split("Reviews, last 12 weeks")[1].split("less")[0]


def test_reset_refuses_without_yes_when_input_is_not_a_terminal() -> None:
    grade_questions(0)
    result = run("reset")
    assert result.exit_code == 2
    assert "--yes" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert stats_json()["reviews"] == 1


def test_reset_yes_forgets_only_the_chosen_section() -> None:
    grade_questions(0, 1)
    grade_questions(0, section=1)
    result = run("reset", "--section", "2", "--yes")
    assert result.exit_code == 0
    assert "1 question" in result.stdout
    document = stats_json()
    assert (document["reviews"], document["reviewed"]) == (2, 2)
    assert run("reset", "--yes").exit_code == 0
    assert stats_json()["reviews"] == 0


@pytest.mark.parametrize(("typed", "left"), [("y\n", 0), ("n\n", 1)])
def test_reset_asks_in_a_terminal(monkeypatch: pytest.MonkeyPatch, typed: str, left: int) -> None:
    grade_questions(0)
    monkeypatch.setattr(sys, "stdin", TerminalInput(typed))
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["reset"]) == 0
    assert "Forget all progress" in out.getvalue()
    assert stats_json()["reviews"] == left


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("lines", "paged"), [("10", True), ("200", False)])
def test_stats_taller_than_the_terminal_go_through_the_pager(
    lines: str, paged: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As ``browse`` and git do: the headline counts do not scroll off a short screen."""
    shown: list[str] = []
    monkeypatch.setattr(pydoc, "pager", shown.append)
    monkeypatch.setenv("LINES", lines)
    monkeypatch.setenv("COLUMNS", "100")
    out = _Terminal()
    result = run_into(out, io.StringIO(), ("--color", "never", "stats"), "")
    assert result.exit_code == 0
    printed = "".join(shown) if paged else out.getvalue()
    assert "By section" in printed and "Questions 63" in printed
    assert bool(shown) is paged


@pytest.mark.parametrize("where", ["fast path", "typer"])
def test_stats_no_pager_prints_straight_to_the_terminal(
    where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(pydoc, "pager", shown.append)
    monkeypatch.setenv("LINES", "10")
    monkeypatch.setenv("COLUMNS", "100")
    if where == "typer":  # an option the fast path does not know sends it to typer
        monkeypatch.setattr("flaskprep.cli.run.fast_command", lambda args: None)
    out = _Terminal()
    result = run_into(out, io.StringIO(), ("--color", "never", "stats", "--no-pager"), "")
    assert result.exit_code == 0, result.stderr
    assert not shown and "By section" in out.getvalue()
