"""Reading the deck: browse, show, resources."""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING, Annotated

import typer

from flaskprep.cli import common
from flaskprep.cli.app import app, typer_option
from flaskprep.cli.completion import QuestionRef, complete_section
from flaskprep.cli.options import NO_PAGER
from flaskprep.documents import deck_document, dumps
from flaskprep.errors import UsageError
from flaskprep.ui import deck_view, library_view, output
from flaskprep.ui.library_view import link_target

if TYPE_CHECKING:
    from flaskprep.model import Deck


@app.command(short_help="Walk the deck section by section.")
def browse(
    section: Annotated[
        str | None,
        typer.Argument(
            metavar="[SECTION]",
            help="Section number or part of its title.",
            show_default=False,
            autocompletion=complete_section,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the deck, or the section, as JSON (docs/json.md).")
    ] = False,
    no_pager: Annotated[bool, typer_option(NO_PAGER)] = NO_PAGER.default,
) -> None:
    """Walk the deck: the sections, or one section's questions and answers.

    Examples: `flaskprep browse`, `flaskprep browse 3`, `flaskprep browse routing`,
    `flaskprep browse 3 --json | jq '.sections[0].questions[].question'`.
    """
    deck = common.load_deck()
    chosen = None if section is None else deck.sections[common.section_indexes(deck, [section])[0]]
    if as_json:
        typer.echo(dumps(deck_document(deck, None if chosen is None else [chosen])))
        return
    if chosen is None:
        output.show(common.console(), deck_view.render_sections(deck))
        return
    output.show(common.console(), deck_view.render_section(deck, chosen), page=not no_pager)


@app.command(short_help="Show one question and its answer.")
def show(
    question: QuestionRef,
) -> None:
    """Show one question with its answer, section and id.

    Examples: `flaskprep show 2.2`, `flaskprep show 41cd` (an id prefix).
    """
    deck, found = common.find_in_decks(common.load_decks(), question)
    output.show(common.console(), deck_view.render_show(deck, found))


@app.command(short_help="List (or open) the deck's links.")
def resources(
    open_number: Annotated[
        int | None,
        typer.Option(
            "--open", metavar="N", help="Open resource N in the web browser.", show_default=False
        ),
    ] = None,
) -> None:
    """List the deck's further-reading links (clickable in terminals that support it).

    Examples: `flaskprep resources`, `flaskprep resources --open 1`.
    """
    deck = common.load_deck()
    if open_number is None:
        output.show(common.console(), library_view.render_linked_resources(deck))
        return
    _open_resource(deck, open_number)


def _open_resource(deck: Deck, number: int) -> None:
    if not 1 <= number <= len(deck.resources):
        raise UsageError(
            f"no resource {number}: this deck lists {len(deck.resources)}",
            hint="`flaskprep resources` numbers them",
        )
    url = link_target(deck.resources[number - 1].url)
    if url is None:
        raise UsageError(f"resource {number} is not an http(s) link; not opening it")
    if not webbrowser.open(url):
        raise UsageError("no web browser could be started", hint=f"open {url} yourself")
    typer.echo(f"Opened {url}", err=True)
