"""The deck: frozen dataclasses, no rendering."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    answer: str
    line: int
    """1-based line of the question in the deck file."""
    section_index: int
    """Index of the question's section in ``Deck.sections``."""
    position: int
    """1-based position inside its section (``3.2`` is section 3, question 2)."""
    choices: tuple[str, ...] = ()
    """The deck's own wrong options for it (a checkbox quiz's unticked ones)."""

    @property
    def answered(self) -> bool:
        return bool(self.answer.strip())


@dataclass(frozen=True, slots=True)
class Section:
    number: int | None
    title: str
    questions: tuple[Question, ...]
    line: int = 0

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}" if self.number is not None else self.title


@dataclass(frozen=True, slots=True)
class Resource:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Deck:
    title: str
    path: str
    sections: tuple[Section, ...]
    resources: tuple[Resource, ...] = ()
    key: str = ""
    """Stable identity of the deck for progress (``bundled:<name>`` or a resolved path)."""
    questions: tuple[Question, ...] = field(default=(), compare=False)
    """All questions in deck order; filled in by ``Deck.build``."""

    @classmethod
    def build(
        cls,
        title: str,
        path: str,
        sections: tuple[Section, ...],
        resources: tuple[Resource, ...] = (),
        key: str = "",
    ) -> Deck:
        flat = tuple(q for s in sections for q in s.questions)
        return cls(title, path, sections, resources, key or path, flat)

    def section_of(self, question: Question) -> Section:
        return self.sections[question.section_index]

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}
