"""``flaskprep check``: grade one typed answer."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.cli.completion import QuestionRef
from flaskprep.documents import check_document, dumps
from flaskprep.errors import UsageError
from flaskprep.grading import grade, idf_table
from flaskprep.ui.grading_view import render_check


@app.command(short_help="Grade one typed answer.")
def check(
    question: QuestionRef,
    answer: Annotated[
        str, typer.Argument(metavar="ANSWER", help='Your answer in "quotes"; - reads stdin.')
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print {id, score, matched, missing} as JSON.")
    ] = False,
) -> None:
    """Grade a typed answer against the model answer: score and the key terms missed.

    Examples: `flaskprep check 1.4 "blueprints group routes into reusable modules"`,
    `flaskprep check 41cd --json "..." | jq .score`.
    """
    deck = common.load_deck()
    found = common.find_question(deck, question)
    if not found.answered:
        raise UsageError(f"question {found.id} has no model answer in the deck to grade against")
    text = sys.stdin.read() if answer == "-" else answer
    idf = idf_table(q.answer for q in deck.questions if q.answered)
    result = grade(text, found.answer, idf, question=found.text)
    if as_json:
        typer.echo(dumps(check_document(deck, found, result)))
        return

    common.console().print(render_check(found, result))
