"""``lint``: what is wrong with a deck file, one ``file:line`` finding per line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.errors import NoQuestionsError
from flaskprep.library import deck_paths
from flaskprep.outcome import Outcome
from flaskprep.parsing import lint_deck
from flaskprep.parsing.lint import NO_QUESTIONS, format_problem
from flaskprep.parsing.outline import Problem
from flaskprep.ui.safe import clean


@app.command(short_help="Check a deck for authoring mistakes.")
def lint(
    deck: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DECK]",
            help="Deck file or folder to check (default: the --deck deck or the bundled one).",
            show_default=False,
        ),
    ] = None,
) -> Outcome:
    """Check a deck: answers without questions, questions without answers, repeats,
    and question-like lines that were not read as questions (dropped, or taken into an
    answer), question-like headings read as sections, section titles used twice.

    Prints `file:line: severity: message` for each finding and exits 1 when
    any of them is an error.

    Example: `flaskprep lint my-notes.md`
    """
    files = deck_paths(deck) if deck is not None else common.deck_files()
    found = {path: _lint(path, alone=len(files) == 1) for path in files}
    question_free = [p for p, problems in found.items() if any(_empty(x) for x in problems)]
    if len(question_free) < len(files):  # a README beside decks (as library.summarise)
        common.say_skipped(question_free)
        files = [path for path in files if path not in question_free]
    findings = [(path, problem) for path in files for problem in found[path]]
    for path, problem in findings:
        typer.echo(clean(format_problem(str(path), problem)))
    if not findings:
        decks = "1 deck" if len(files) == 1 else f"{len(files)} decks"
        typer.echo(f"No problems found in {decks}.", err=True)
    return Outcome(failed_checks=sum(problem.severity == "error" for _, problem in findings))


def _lint(path: Path, *, alone: bool) -> tuple[Problem, ...]:
    """The deck's problems; an empty file beside other decks holds no questions, as a
    README does (alone, it is refused like any unreadable deck)."""
    try:
        return lint_deck(path)
    except NoQuestionsError:
        if alone:
            raise
        return (Problem(1, NO_QUESTIONS, "error"),)


def _empty(problem: Problem) -> bool:
    return problem.message == NO_QUESTIONS
