"""A deck stored as columns, and a lazy ``Deck`` view over them.

Unpickling 100,000 frozen ``Question`` objects takes most of a second, and
300,000 separate strings a tenth of one; one UTF-8 ``bytes`` blob of every id,
question and answer plus arrays of offsets and numbers loads in a few
milliseconds. ``deck_cache`` stores a deck this way. ``eager_deck`` rebuilds the real ``Deck``;
``lazy_deck`` makes a ``Deck`` whose question tuples are ``LazyQuestions``,
which make a ``Question`` only when it is looked at, so ``flaskprep search``
on a big deck pays only for its hits.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import cast, overload

from flaskprep.model import Deck, Question, Resource, Section


@dataclass(slots=True, eq=False)
class DeckColumns:
    """A deck's fields as a few flat values: pickled and unpickled in one go."""

    title: str
    path: str
    key: str
    resources: tuple[Resource, ...]
    sections: tuple[tuple[int | None, str, int, int], ...]
    """``(number, title, line, question count)`` per section, in deck order."""
    blob: bytes
    """Every question's id, text and answer, UTF-8 encoded, one after another."""
    bounds: array[int]
    """Byte offsets into ``blob``: question ``i``'s id starts at ``bounds[3 * i]``."""
    lines: array[int]
    section_indexes: array[int]
    positions: array[int]
    choices: dict[int, tuple[str, ...]]
    """The deck's own wrong options of the few questions that have them, by position."""

    def __len__(self) -> int:
        return len(self.lines)

    def question(self, i: int) -> Question:
        blob, at = self.blob, self.bounds[3 * i : 3 * i + 4]
        return Question(
            blob[at[0] : at[1]].decode("utf-8", "surrogatepass"),
            blob[at[1] : at[2]].decode("utf-8", "surrogatepass"),
            blob[at[2] : at[3]].decode("utf-8", "surrogatepass"),
            self.lines[i],
            self.section_indexes[i],
            self.positions[i],
            self.choices.get(i, ()),
        )


def to_columns(deck: Deck) -> DeckColumns:
    qs = deck.questions
    parts = [f.encode("utf-8", "surrogatepass") for q in qs for f in (q.id, q.text, q.answer)]
    bounds = array("q", [0])
    for part in parts:
        bounds.append(bounds[-1] + len(part))
    return DeckColumns(
        deck.title,
        deck.path,
        deck.key,
        deck.resources,
        tuple((s.number, s.title, s.line, len(s.questions)) for s in deck.sections),
        b"".join(parts),
        bounds,
        array("q", (q.line for q in qs)),
        array("q", (q.section_index for q in qs)),
        array("q", (q.position for q in qs)),
        {i: q.choices for i, q in enumerate(qs) if q.choices},
    )


def eager_deck(columns: DeckColumns) -> Deck:
    questions = tuple(map(columns.question, range(len(columns))))
    sections, start = [], 0
    for number, title, line, count in columns.sections:
        sections.append(Section(number, title, questions[start : start + count], line))
        start += count
    return Deck(
        columns.title, columns.path, tuple(sections), columns.resources, columns.key, questions
    )


def lazy_deck(columns: DeckColumns) -> Deck:
    """A ``Deck`` equal to ``eager_deck(columns)`` that makes questions on demand."""
    made: list[Question | None] = [None] * len(columns)
    sections, start = [], 0
    for number, title, line, count in columns.sections:
        part = LazyQuestions(columns, made, start, start + count)
        sections.append(Section(number, title, cast(tuple[Question, ...], part), line))
        start += count
    questions = cast(tuple[Question, ...], LazyQuestions(columns, made, 0, len(made)))
    return Deck(
        columns.title, columns.path, tuple(sections), columns.resources, columns.key, questions
    )


class LazyQuestions(Sequence[Question]):
    """A read-only run of a deck's questions that behaves like the tuple it stands for."""

    __slots__ = ("_columns", "_made", "_start", "_stop")

    def __init__(
        self, columns: DeckColumns, made: list[Question | None], start: int, stop: int
    ) -> None:
        self._columns, self._made, self._start, self._stop = columns, made, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, i: int) -> Question: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Question, ...]: ...
    def __getitem__(self, i: int | slice) -> Question | tuple[Question, ...]:
        if isinstance(i, slice):
            return tuple(self)[i]
        size = len(self)
        if not -size <= i < size:
            raise IndexError("question index out of range")
        at = self._start + (i % size)
        found = self._made[at]
        if found is None:
            found = self._made[at] = self._columns.question(at)
        return found

    def __iter__(self) -> Iterator[Question]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, LazyQuestions)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: Sequence[Question]) -> tuple[Question, ...]:
        return tuple(self) + tuple(other)

    def __radd__(self, other: Sequence[Question]) -> tuple[Question, ...]:
        return tuple(other) + tuple(self)

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type[tuple[Question, ...]], tuple[tuple[Question, ...]]]:
        return tuple, (tuple(self),)
