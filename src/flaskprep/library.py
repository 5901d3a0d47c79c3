"""Which deck files ``--deck`` names: one file, every ``.md`` in a folder, or the bundled deck."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flaskprep import paths
from flaskprep.errors import DeckError, FlaskprepError, NoQuestionsError
from flaskprep.model import Deck

if TYPE_CHECKING:
    from flaskprep.store.records import CardState


def deck_paths(target: Path | None) -> list[Path]:
    """A file gives ``[file]``; a folder its ``*.md`` files, sorted; ``None`` the bundled deck."""
    if target is None:
        return [paths.bundled_deck()]
    try:
        target = target.expanduser()
        is_folder = target.is_dir()
        exists = is_folder or target.exists()
    except (OSError, RuntimeError) as exc:  # a name too long, ~user unknown, a loop
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DeckError(str(target), f"cannot be used: {reason}") from None
    if is_folder:
        return _folder_decks(target)
    if not exists:
        raise DeckError(
            str(target), "no such file or folder", hint="check the path given to --deck"
        )
    return [target]


def _folder_decks(folder: Path) -> list[Path]:
    try:
        found = [p for p in folder.iterdir() if _is_deck_file(p)]
    except OSError as exc:
        raise DeckError(str(folder), f"cannot list folder: {exc.strerror or exc}") from None
    if not found:
        raise DeckError(str(folder), "folder holds no .md deck files")
    return sorted(found, key=lambda p: p.name.casefold())


def _is_deck_file(path: Path) -> bool:
    """Markdown files, skipping hidden ones (editor backups such as ``.#deck.md``)."""
    return path.suffix.lower() == ".md" and not path.name.startswith(".") and path.is_file()


@dataclass(frozen=True, slots=True)
class DeckSummary:
    path: Path
    title: str = ""
    questions: int = 0
    unanswered: int = 0
    due: int | None = None
    """``None`` when progress cannot be read (or is not tracked yet)."""
    new: int | None = None
    """Questions never reviewed; ``None`` when progress cannot be read."""
    error: str | None = None
    """Why the deck could not be loaded; the other fields are then empty."""


def summarise(
    deck_files: list[Path],
    load: Callable[[Path], Deck],
    count_due: Callable[[Deck], int | None] | None = None,
    count_new: Callable[[Deck], int | None] | None = None,
) -> tuple[list[DeckSummary], list[Path]]:
    """One summary per deck file, a deck that fails to load reported, not fatal; and the
    files of a folder skipped for holding no questions (a README beside the decks), as
    every command skips them, unless no file of the folder holds any."""
    summaries: list[DeckSummary] = []
    question_free: list[DeckSummary] = []
    for path in deck_files:
        try:
            deck = load(path)
        except NoQuestionsError as exc:
            question_free.append(DeckSummary(path, error=str(exc)))
            continue
        except FlaskprepError as exc:
            summaries.append(DeckSummary(path, error=str(exc)))
            continue
        unanswered = sum(1 for q in deck.questions if not q.answered)
        due = count_due(deck) if count_due is not None else None
        new = count_new(deck) if count_new is not None else None
        summaries.append(DeckSummary(path, deck.title, len(deck.questions), unanswered, due, new))
    if not any(item.error is None for item in summaries):  # no deck: nothing is a README
        return summaries + question_free, []
    return summaries, [item.path for item in question_free]


def new_count(deck: Deck, cards: Mapping[str, object]) -> int:
    """Answered questions with no review yet (what a quiz would show as new; a question
    without an answer is never asked)."""
    return sum(1 for q in deck.questions if q.answered and q.id not in cards)


def due_count(deck: Deck, cards: Mapping[str, CardState], now: datetime) -> int:
    """Questions reviewed before and due again by ``now`` (new ones are not counted)."""
    due_times = (card.due for q in deck.questions if (card := cards.get(q.id)) is not None)
    return sum(1 for due in due_times if due <= now)
