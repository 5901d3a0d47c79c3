"""Turn what a user types (a section number or title part, an id prefix, `3.2`) into items."""

from __future__ import annotations

from collections.abc import Sequence

from flaskprep.errors import UsageError
from flaskprep.model import Deck, Question
from flaskprep.user_number import parse_whole
from flaskprep.words.tokens import normalise


def resolve_section(deck: Deck, spec: str) -> int:
    """Index of the section named by a number (``3``) or a unique part of its title."""
    text = spec.strip()
    number = parse_whole(text)
    if number is not None:
        by_number = _section_by_number(deck, number)
        if by_number is not None:
            return by_number
    wanted = normalise(text)
    matches = [i for i, s in enumerate(deck.sections) if wanted and wanted in normalise(s.title)]
    exact = [i for i in matches if normalise(deck.sections[i].title) == wanted]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise UsageError(f"no section matches {spec!r}", hint="`flaskprep browse` lists them")
    shown = [
        f"{deck.sections[i].label}"
        if deck.sections[i].number is not None
        else f"{i + 1}. {deck.sections[i].title}"
        for i in matches[:4]
    ]
    raise UsageError(
        f"{spec!r} matches several sections: {', '.join(shown)}",
        hint="give its number, as `flaskprep browse` lists it",
    )


def resolve_sections(deck: Deck, specs: Sequence[str]) -> list[int]:
    return sorted({resolve_section(deck, spec) for spec in specs})


def resolve_question(deck: Deck, ref: str) -> Question:
    """A question by id, unique id prefix, or ``section.position`` (``3.2``)."""
    text = ref.strip().lower()
    by_position = _by_position(deck, text)
    if by_position is not None:
        return by_position
    exact = [q for q in deck.questions if q.id == text]
    if exact:
        return exact[0]
    matches = [q for q in deck.questions if text and q.id.startswith(text)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(q.id for q in matches[:5]) + (", …" if len(matches) > 5 else "")
        section = _section_by_number(deck, number) if (number := parse_whole(text)) else None
        hint = f"{text}.1 is the first question of section {text}" if section is not None else None
        raise UsageError(f"id prefix {ref!r} matches {len(matches)} questions: {listed}", hint=hint)
    raise UsageError(f"no question with id {ref!r}", hint=_position_hint(deck, text))


def _position_hint(deck: Deck, text: str) -> str:
    """What is wrong with a ``3.2`` that names nothing, else where ids are shown."""
    position = _position(text)
    if position is None:
        return "ids are shown by `search` and `browse`"
    number = position[0]
    index = _section_by_number(deck, number)
    if index is None:
        return f"there is no section {number}; `browse` lists the sections"
    count = len(deck.sections[index].questions)
    return f"section {number} has {count} question{'' if count == 1 else 's'}"


def _position(text: str) -> tuple[int, int] | None:
    """``3.2`` as (section number, position in it), or None for anything else."""
    number_text, dot, position_text = text.partition(".")
    number, position = parse_whole(number_text), parse_whole(position_text)
    return (number, position) if dot and number is not None and position is not None else None


def _section_by_number(deck: Deck, number: int) -> int | None:
    """The section numbered ``number`` in its heading, else the ``number``-th section.

    Most decks found online have unnumbered headings (``## Basics``); ``browse``
    lists those by position, so a position must work wherever a number does.
    """
    for index, section in enumerate(deck.sections):
        if section.number == number:
            return index
    if 0 < number <= len(deck.sections):
        return number - 1
    return None


def _by_position(deck: Deck, text: str) -> Question | None:
    found = _position(text)
    if found is None:
        return None
    number, position = found
    index = _section_by_number(deck, number)
    if index is None:
        return None
    questions = deck.sections[index].questions
    return questions[position - 1] if 0 < position <= len(questions) else None
