"""Deck files from --deck, the `decks` command, and `resources` links."""

from __future__ import annotations

import json
import webbrowser
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from cli_runner import run
from flaskprep import library, paths
from flaskprep.errors import DeckError
from flaskprep.model import Deck
from flaskprep.ui.library_view import link_target

DECK_A = """# Deck A

## 1. Basics
- What is Flask?
  - **Answer:** A microframework.
- What is Werkzeug?
  - **Answer:** The WSGI toolkit.

### Additional Resources
- [Docs](https://flask.palletsprojects.com/)
- [Mirror](ftp://mirror.example/flask)
"""

DECK_B = """# Deck B

## 1. Other
- Unanswered question here?
- What is Jinja?
  - **Answer:** A template engine.
- What is Click?
  - **Answer:** A CLI toolkit.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "b.md").write_text(DECK_B, encoding="utf-8")
    (decks / "a.md").write_text(DECK_A, encoding="utf-8")
    (decks / ".a.md").write_text("editor backup", encoding="utf-8")
    (decks / "notes.txt").write_text("not a deck", encoding="utf-8")
    return decks


def test_deck_paths_of_a_file_is_that_file(folder: Path) -> None:
    assert library.deck_paths(folder / "a.md") == [folder / "a.md"]


def test_deck_paths_of_a_folder_are_its_md_files_sorted(folder: Path) -> None:
    assert library.deck_paths(folder) == [folder / "a.md", folder / "b.md"]


def test_deck_paths_of_none_is_the_bundled_deck() -> None:
    assert library.deck_paths(None) == [paths.bundled_deck()]


def test_folder_without_decks_is_a_deck_error(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match=r"no \.md deck files"):
        library.deck_paths(tmp_path)


def test_missing_path_is_a_deck_error(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="no such file or folder"):
        library.deck_paths(tmp_path / "nope")


def test_decks_lists_both_decks_of_a_folder(folder: Path) -> None:
    result = run("--deck", str(folder), "decks")
    assert result.exit_code == 0, result.stderr
    assert "Deck A" in result.stdout and "Deck B" in result.stdout


def test_decks_json_has_question_and_unanswered_counts(folder: Path) -> None:
    result = run("--deck", str(folder), "decks", "--json")
    listed = json.loads(result.stdout)["decks"]
    assert [(d["deck"]["title"], d["questions"], d["unanswered"]) for d in listed] == [
        ("Deck A", 2, 0),
        ("Deck B", 3, 1),
    ]


def test_decks_without_deck_lists_the_bundled_deck() -> None:
    listed = json.loads(run("decks", "--json").stdout)["decks"]
    assert [(d["deck"]["title"], d["questions"]) for d in listed] == [
        ("Flask Interview Preparation", 63)
    ]


def test_decks_reads_the_deck_from_the_config_file(folder: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text(f'deck = "{folder.as_posix()}"\n', encoding="utf-8")
    listed = json.loads(run("decks", "--json").stdout)["decks"]
    assert [d["deck"]["title"] for d in listed] == ["Deck A", "Deck B"]


# --- resources --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://flask.palletsprojects.com/", "https://flask.palletsprojects.com/"),
        ("http://example.com/a?b=c", "http://example.com/a?b=c"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://evil.example/\x1b]8;;x\x07", None),
        ("https://a.example/with space", None),
        ("https:///no-host", None),
    ],
)
def test_only_clean_http_urls_become_links(url: str, expected: str | None) -> None:
    assert link_target(url) == expected


def test_resources_are_osc8_hyperlinks_when_colour_is_forced(folder: Path) -> None:
    result = run("--deck", str(folder / "a.md"), "--color", "always", "resources")
    assert "\x1b]8;" in result.stdout
    assert "flask.palletsprojects.com" in result.stdout
    assert "\x1b]8;id=" not in result.stdout.split("Mirror")[1]


def test_resources_to_a_pipe_carry_no_escape_byte() -> None:
    result = run("resources")
    assert result.exit_code == 0
    assert "https://flask.palletsprojects.com/" in result.stdout
    assert "\x1b" not in result.stdout


def test_resources_open_opens_that_link(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    result = run("resources", "--open", "2")
    assert result.exit_code == 0
    assert opened == ["https://github.com/pallets/flask"]


@pytest.mark.parametrize("number", ["0", "6", "-1"])
def test_resources_open_out_of_range_is_a_usage_error(
    number: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail("must not open"))
    result = run("resources", "--open", number)
    assert result.exit_code == 2
    assert "no resource" in result.stderr


def test_resources_open_refuses_a_non_http_link(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail("must not open"))
    result = run("--deck", str(folder / "a.md"), "resources", "--open", "2")
    assert result.exit_code == 2
    assert "not an http(s) link" in result.stderr


def test_resources_open_without_a_browser_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    result = run("resources", "--open", "1")
    assert result.exit_code == 2
    assert "https://flask.palletsprojects.com/" in result.stderr


# --- due counts -------------------------------------------------------------------------

REVIEWED_AT = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


def reviewed_cards(deck_file: Path | None, count: int) -> tuple[Deck, dict[str, dict[str, Any]]]:
    from flaskprep.deck_cache import load_deck
    from flaskprep.scheduling import Rating, review_card

    deck = load_deck(deck_file)
    cards = {
        q.id: review_card(None, q.id, Rating.GOOD, REVIEWED_AT, fuzz=False)
        for q in deck.questions[:count]
    }
    return deck, cards


def test_due_count_counts_reviewed_questions_due_by_now_not_new_ones() -> None:
    deck, cards = reviewed_cards(None, 3)
    assert library.due_count(deck, cards, REVIEWED_AT) == 0
    assert library.due_count(deck, cards, REVIEWED_AT + timedelta(days=365)) == 3


def test_decks_shows_due_counts_from_the_progress_file() -> None:
    from flaskprep.store import ProgressStore, Review

    deck, cards = reviewed_cards(None, 2)
    store = ProgressStore()
    for question_id, card in cards.items():
        store.record(deck.key, Review(question_id, REVIEWED_AT, 3, "flash", 1000), card)
    listed = json.loads(run("decks", "--json").stdout)["decks"]
    assert listed[0]["due"] == 2  # reviewed in 2024 with Good: due again within weeks


@pytest.mark.parametrize("columns", ["100", "80", "60"])
def test_decks_keeps_a_deck_title_on_one_line_when_it_can(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns the File column goes before the title would wrap."""
    monkeypatch.setenv("COLUMNS", columns)
    out = run("decks").stdout
    assert "Flask Interview Preparation" in out
    assert "…" not in out
    assert ("flask-interview-prep.md" in out) is (columns == "100")


def test_decks_skips_a_readme_beside_the_decks_as_other_commands_do(folder: Path) -> None:
    (folder / "README.md").write_text("# My decks\n\nWhere they came from.\n", encoding="utf-8")
    result = run("--deck", str(folder), "decks")
    assert result.exit_code == 0
    assert "(unreadable)" not in result.stdout and "README" not in result.stdout
    assert result.stderr.count("\n") == 1 and "skipped" in result.stderr
    assert "README.md: no questions found" in result.stderr


@pytest.mark.parametrize("columns", [70, 80, 90, 100])
def test_a_long_unreadable_path_wraps_and_keeps_every_count_column(columns: int) -> None:
    from rich.console import Console

    from flaskprep.library import DeckSummary
    from flaskprep.ui.library_view import render_decks

    for length in range(20, 130, 6):
        summaries = [
            DeckSummary(Path("git.md"), "Git Basics", 4, 0, 0, 4),
            DeckSummary(Path("/" + "x" * length + "/broken.md"), error="cannot read"),
        ]
        console = Console(width=columns, record=True, color_system=None)
        console.print(render_decks(summaries, []))
        header = console.export_text().splitlines()[0]
        assert header.rstrip().endswith("New  Due"), (length, header)
