"""Problems worth telling a deck's author about, found while parsing."""

from __future__ import annotations

from collections.abc import Sequence

from flaskprep.model import Deck
from flaskprep.parsing.labels import looks_like_question
from flaskprep.parsing.outline import Problem

LAYOUTS_HINT = (
    "write questions as '- question' bullets with a nested '- **Answer:** ...' bullet, "
    "'### Question?' headings, '**Question?**' lines, 'Q:'/'A:' pairs "
    "or <details><summary>question</summary> answer</details> blocks"
)


NO_QUESTIONS = "no questions found"
"""The finding for a file with no question at all (a README beside the decks)."""


def deck_problems(deck: Deck, found: Sequence[Problem]) -> tuple[Problem, ...]:
    """The layout's own findings plus missing answers, repeats and an empty deck, by line."""
    problems = list(found)
    if not deck.questions:
        problems.append(Problem(1, NO_QUESTIONS, "error"))
    problems.extend(_section_problems(deck))
    first_lines: dict[str, int] = {}
    for question in deck.questions:
        if not question.answered:
            problems.append(Problem(question.line, "question without an answer", "warning"))
        # Repeated questions share an id before its "-2", "-3"... suffix.
        first = first_lines.setdefault(question.id.partition("-")[0], question.line)
        if first != question.line:
            message = f"duplicate question (same as line {first})"
            problems.append(Problem(question.line, message, "warning"))
    return tuple(sorted(problems, key=lambda problem: problem.line))


def _section_problems(deck: Deck) -> list[Problem]:
    """Sections whose heading asks a question, and section titles used twice."""
    problems: list[Problem] = []
    first_lines: dict[str, int] = {}
    for section in deck.sections:
        if not section.line:
            continue
        if looks_like_question(section.title):
            message = "question-like heading read as a section (it has no answer of its own)"
            problems.append(Problem(section.line, message, "warning"))
        first = first_lines.setdefault(section.title.strip().casefold(), section.line)
        if first != section.line:
            message = f"duplicate section title (same as line {first})"
            problems.append(Problem(section.line, message, "warning"))
    return problems


def format_problem(path: str, problem: Problem) -> str:
    """``file:line: severity: message``, the shape editors and CI logs link from."""
    return f"{path}:{problem.line}: {problem.severity}: {problem.message}"
