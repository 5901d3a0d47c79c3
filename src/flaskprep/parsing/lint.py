"""Problems worth telling a deck's author about, found while parsing."""

from __future__ import annotations

from collections.abc import Sequence

from flaskprep.model import Deck
from flaskprep.parsing.outline import Problem

LAYOUTS_HINT = (
    "write questions as '- question' bullets with a nested '- **Answer:** ...' bullet, "
    "'### Question?' headings, '**Question?**' lines, 'Q:'/'A:' pairs "
    "or <details><summary>question</summary> answer</details> blocks"
)


def deck_problems(deck: Deck, found: Sequence[Problem]) -> tuple[Problem, ...]:
    """The layout's own findings plus missing answers, repeats and an empty deck, by line."""
    problems = list(found)
    if not deck.questions:
        problems.append(Problem(1, "no questions found", "error"))
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


def format_problems(path: str, problems: Sequence[Problem]) -> list[str]:
    return [f"{path}:{p.line}: {p.severity}: {p.message}" for p in problems]
