"""A graded typed answer: score, key terms matched (green) and missed (red), model answer."""

from __future__ import annotations

import math

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from flaskprep.grading import KEYWORD_LIST_CAP, Grade
from flaskprep.model import Question
from flaskprep.scheduling import AGAIN_BELOW, GOOD_BELOW, rating_from_score
from flaskprep.ui.answer_text import render_title
from flaskprep.ui.deck_view import markdown
from flaskprep.ui.safe import clean

MATCHED_STYLE = "green"
MISSING_STYLE = "red"
MISSING_SHOWN = 8
"""Missed terms listed, the weightiest first; the rest are counted."""
LIMITS = {
    "keyword_list": f"A bare list of keywords earns {round(KEYWORD_LIST_CAP * 100)}% at most: "
    "say how they fit together.",
    "padding": "Much of your answer is not in the model answer, and that costs credit.",
    "opposite": "Your answer opens with the opposite of the model answer's yes or no.",
}


def score_style(score: float) -> str:
    """Colour of a score: the same bands as the ratings it proposes."""
    if score < AGAIN_BELOW:
        return "bold red"
    if score < GOOD_BELOW:
        return "bold yellow"
    return "bold green"


def percent(score: float) -> int:
    """A score in whole percent, rounded down: 0.5965 is 59%, below Good's 60%, as graded."""
    return math.floor(score * 100 + 1e-9)


def render_score(score: float, rating: bool = False) -> Text:
    """``59%``, or with ``rating`` the grade it proposes too: ``59% · Hard``."""
    text = Text(f"{percent(score)}%", style=score_style(score))
    if rating:
        text.append(f" · {rating_from_score(score).name.title()}", style=score_style(score))
    return text


def render_terms(label: str, terms: tuple[str, ...], style: str, shown: int | None = None) -> Text:
    line = Text(f"{label}: ", style="bold")
    if not terms:
        line.append("none", style="dim")
        return line
    for index, term in enumerate(terms[:shown]):
        if index:
            line.append(", ")
        line.append(clean(term), style=style)
    if shown is not None and len(terms) > shown:
        line.append(f" and {len(terms) - shown} more", style="dim")
    return line


def said_in_other_words(grade: Grade) -> tuple[str, ...]:
    """Matched terms, with the answer's own words when they differ (``components ← pieces``)."""
    return (
        tuple(
            term if by.casefold() in term.casefold() else f"{term} ← {by}"
            for term, by in grade.matched_by
        )
        or grade.matched
    )


def render_grade_details(grade: Grade, model_answer: str) -> RenderableType:
    """Matched and missed key terms, a swapped contrast if any, then the model answer."""
    lines: list[RenderableType] = [
        render_terms("Matched", said_in_other_words(grade), MATCHED_STYLE)
    ]
    if percent(grade.score) < 100:
        lines.append(render_terms("Missing", grade.missing, MISSING_STYLE, MISSING_SHOWN))
    elif grade.missing:  # full marks need not every term: what is left is not "missing"
        lines.append(
            render_terms("Also in the model answer", grade.missing, "yellow", MISSING_SHOWN)
        )
    if grade.limited_by is not None:
        lines.append(Text(LIMITS[grade.limited_by], style="yellow"))
    if grade.swapped:
        first, second = (clean(term) for term in grade.swapped)
        lines.append(
            Text(f"Swapped: your answer gives {first} the role of {second}", style=MISSING_STYLE)
        )
    lines += [Text("Model answer:", style="bold"), Padding(markdown(model_answer), (0, 0, 0, 2))]
    return Group(*lines)


def render_check(question: Question, grade: Grade) -> RenderableType:
    head = Text()
    head.append(question.id, style="dim")
    head.append("  ")
    head.append_text(render_title(question.text))
    score = Text("Score: ", style="bold")
    score.append_text(render_score(grade.score, rating=True))
    return Group(head, score, render_grade_details(grade, question.answer))
