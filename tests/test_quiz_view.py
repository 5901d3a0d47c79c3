"""The quiz card on a small terminal: the question stays on screen, grade keys stay whole."""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.console import Console

from flaskprep.deck_cache import load_deck
from flaskprep.learn.prompts import Prompt, build_prompts
from flaskprep.learn.recording import CramRecorder
from flaskprep.learn.session import Session
from flaskprep.model import Deck
from flaskprep.scheduling import Rating
from flaskprep.ui.quiz_view import Screen, render

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def deck(seed_path: Path) -> Deck:
    return load_deck(seed_path)


def previews(prompt: Prompt) -> dict[Rating, timedelta]:
    return {
        Rating.AGAIN: timedelta(minutes=1),
        Rating.HARD: timedelta(minutes=6),
        Rating.GOOD: timedelta(minutes=10),
        Rating.EASY: timedelta(days=8),
    }


def draw(deck: Deck, mode: str, seed: int, *actions: str) -> list[str]:
    prompts = build_prompts(deck, list(deck.questions[:5]), mode, random.Random(seed))
    session = Session(prompts, CramRecorder())
    for action in actions:
        if action == "reveal":
            session.reveal()
        else:
            session.answer(action, NOW, 0)
    console = Console(file=io.StringIO(), width=50, height=20, color_system=None)
    screen = Screen(console, True, previews, [deck.title])
    console.print(render(session, screen))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text.splitlines()


@pytest.mark.parametrize("seed", range(5))
def test_choice_card_fits_a_50x20_terminal(deck: Deck, seed: int) -> None:
    for actions in ((), ("1",)):
        lines = draw(deck, "choice", seed, *actions)
        assert len(lines) <= 19, "\n".join(lines)  # one row left for the cursor
        assert "·" in lines[0]  # the header is still there


def test_grade_bar_wraps_between_items_not_inside(deck: Deck) -> None:
    lines = draw(deck, "flash", 0, "reveal")
    bar = [line for line in lines if "Again" in line or "Easy" in line]
    assert any("4 Easy · 8d" in line for line in bar), bar
    assert all(len(line) <= 50 for line in lines)
    for item in ("1 Again · 1m", "2 Hard · 6m", "3 Good · 10m", "4 Easy · 8d"):
        assert any(item in line for line in bar), (item, bar)


def test_header_stays_on_one_line_when_the_deck_title_is_long(deck: Deck) -> None:
    # A 50-column terminal and two cards answered wrong: the counts and the mode stay
    # whole on the first line, and the deck title gives way (shortened with …).
    prompts = build_prompts(deck, list(deck.questions[:5]), "truefalse", random.Random(0))
    session = Session(prompts, CramRecorder())
    for _ in range(2):
        assert session.current is not None and session.current.truefalse is not None
        session.answer("f" if session.current.truefalse.is_true else "t", NOW, 0)
        session.proceed(NOW)
    console = Console(file=io.StringIO(), width=50, height=20, color_system=None)
    console.print(render(session, Screen(console, True, previews, [deck.title])))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert len(lines[0]) <= 50, lines
    assert "2 to repeat" in lines[0] and lines[0].endswith("truefalse"), lines
    assert lines[0].startswith("Flask"), lines
    assert lines[1] == "", lines  # nothing of the header spilled onto a second line


def test_truefalse_verdict_says_plainly_whose_answer_it_was(deck: Deck) -> None:
    text = " ".join(" ".join(draw(deck, "truefalse", 1, "t")).split())
    assert "it is." not in text
    assert "was the answer to this question" in text or "was from another question" in text
