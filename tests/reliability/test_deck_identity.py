"""A deck's progress follows the deck: lost progress is listed, forgotten or re-linked;
``stats`` and ``reset`` see a moved deck; no two deck files share a key."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from flaskprep import deck_keys
from flaskprep.deck_cache import deck_key
from flaskprep.errors import UsageError
from flaskprep.store import ProgressStore
from saved_progress import saved

from .support import CLEAN_DECK, assert_ok, assert_refused, run

OTHER_DECK = CLEAN_DECK.replace("Tiny Flask Deck", "Other Deck").replace("Flask", "Django")


def studied(path: Path, text: str = CLEAN_DECK) -> str:
    """Write a deck at ``path``, grade one card of it; its key."""
    path.write_text(text)
    assert_ok(run("--deck", str(path), "quiz", "-n", "1", stdin="\n4\n"))
    return deck_key(path)


def kept() -> dict[str, Any]:
    return {k: d for k, d in saved()["decks"].items() if not k.startswith("bundled:")}


def test_decks_lists_progress_whose_deck_is_gone(tmp_path: Path) -> None:
    key = studied(tmp_path / "gone.md")
    (tmp_path / "gone.md").unlink()
    table = run("decks")
    assert_ok(table)
    assert "gone.md" in table.stdout and "--relink" in table.stdout
    document = json.loads(run("decks", "--json").stdout)
    assert document["unreachable"] == [
        {"key": key, "path": key, "cards": 1, "reviews": 1},
    ]


def test_decks_lists_nothing_lost_while_every_deck_is_there(tmp_path: Path) -> None:
    studied(tmp_path / "here.md")
    assert json.loads(run("decks", "--json").stdout)["unreachable"] == []
    assert "--relink" not in run("decks").stdout


def test_forget_drops_only_the_lost_deck(tmp_path: Path) -> None:
    key = studied(tmp_path / "gone.md")
    studied(tmp_path / "kept.md", OTHER_DECK)
    (tmp_path / "gone.md").unlink()
    assert_ok(run("decks", "--forget", key, "--yes"))
    assert list(kept()) == [deck_key(tmp_path / "kept.md")]
    assert json.loads(run("decks", "--json").stdout)["unreachable"] == []


def test_forget_asks_first_and_refuses_unknown_or_in_use_keys(tmp_path: Path) -> None:
    key = studied(tmp_path / "gone.md")
    in_use = studied(tmp_path / "kept.md", OTHER_DECK)
    (tmp_path / "gone.md").unlink()
    assert_refused(run("decks", "--forget", key), "confirmation")  # stdin is no terminal
    assert_refused(run("decks", "--forget", "no-such-key", "--yes"), "no-such-key")
    assert_refused(run("decks", "--forget", in_use, "--yes"), "still in use")
    assert set(kept()) == {key, in_use}  # nothing refused was dropped


def test_relink_gives_lost_progress_to_an_edited_deck_elsewhere(tmp_path: Path) -> None:
    key = studied(tmp_path / "gone.md")
    (tmp_path / "gone.md").unlink()
    edited = tmp_path / "elsewhere.md"
    edited.write_text(OTHER_DECK)  # too different to be matched by its questions
    assert_ok(run("decks", "--relink", key, str(edited)))
    [(new_key, deck)] = kept().items()
    assert new_key == deck_key(edited) and len(deck["cards"]) == 1 and len(deck["reviews"]) == 1


def test_relink_refuses_a_deck_that_has_progress_of_its_own(tmp_path: Path) -> None:
    key = studied(tmp_path / "gone.md")
    target = tmp_path / "busy.md"
    studied(target, OTHER_DECK)
    (tmp_path / "gone.md").unlink()
    assert_refused(run("decks", "--relink", key, str(target)), "already has progress")
    assert_refused(run("decks", "--relink", "no-such-key", str(target)), "no-such-key")
    assert_refused(run("decks", "--relink", key, str(tmp_path / "none.md")), "none.md")
    assert len(kept()) == 2


def moved(tmp_path: Path) -> Path:
    studied(tmp_path / "interview.md")
    target = tmp_path / "renamed.md"
    (tmp_path / "interview.md").rename(target)
    return target


def test_stats_of_a_moved_deck_sees_its_progress_before_any_quiz(tmp_path: Path) -> None:
    target = moved(tmp_path)
    result = run("--deck", str(target), "stats", "--json")
    assert_ok(result)
    assert json.loads(result.stdout)["reviews"] == 1
    assert list(kept()) == [deck_key(target)]


def test_reset_of_a_moved_deck_forgets_its_progress(tmp_path: Path) -> None:
    target = moved(tmp_path)
    result = run("--deck", str(target), "reset", "--yes")
    assert_ok(result)
    assert "1 question" in result.stdout
    assert not any(d["cards"] for d in kept().values())


# -- no two decks share a key -----------------------------------------------------------------


def test_a_literal_escape_and_an_odd_byte_get_different_keys(tmp_path: Path) -> None:
    literal = tmp_path / "caf\\xe9.md"
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.md"))
    assert deck_key(literal) != deck_key(odd)
    for path in (literal, odd, tmp_path / "a\\\\b\\x41.md"):
        assert deck_keys.path_of(deck_key(path)) == path.resolve()


def test_two_such_decks_keep_separate_progress(tmp_path: Path) -> None:
    literal = tmp_path / "caf\\xe9.md"
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.md"))
    studied(literal)
    studied(odd)
    assert_ok(run("--deck", str(odd), "reset", "--yes"))
    assert len(kept()[deck_key(literal)]["cards"]) == 1  # the other deck's reset spared it


def test_progress_under_an_old_style_key_is_still_found(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.md"))
    key = studied(odd)
    old_key = os.fsencode(odd.resolve()).decode("utf-8", "backslashreplace")
    assert key != old_key and deck_keys.legacy_key(key) == old_key
    assert ProgressStore().relink(key, "bundled:scratch") is None  # move it out of the way
    ProgressStore().relink("bundled:scratch", old_key)  # as an older flaskprep saved it
    assert list(kept()) == [old_key]
    assert json.loads(run("--deck", str(odd), "stats", "--json").stdout)["reviews"] == 1
    assert list(kept()) == [key]


def test_the_store_refuses_with_a_usage_error_not_a_traceback() -> None:
    with pytest.raises(UsageError, match="no progress"):
        ProgressStore().forget("nothing-here")
