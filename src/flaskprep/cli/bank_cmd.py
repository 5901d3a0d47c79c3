"""Reading the bank: browse, show, resources."""

from __future__ import annotations

from typing import Annotated

import typer

from flaskprep.cli.app import app


@app.command()
def browse(
    section: Annotated[
        str | None, typer.Argument(help="Section number or part of its title.", show_default=False)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole deck as JSON.")] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page long output.")] = False,
) -> None:
    """Walk the bank: the sections, or one section's questions and answers.

    Examples: `flaskprep browse`, `flaskprep browse 3`, `flaskprep browse routing`,
    `flaskprep browse --json | jq '.sections[0]'`.
    """
    from flaskprep.cli import common
    from flaskprep.ui import bank_view, output

    deck = common.load_deck()
    if as_json:
        from flaskprep.ui.jsonout import dumps

        typer.echo(dumps(bank_view.deck_document(deck)))
        return
    if section is None:
        output.show(common.console(), bank_view.render_sections(deck))
        return
    chosen = deck.sections[common.section_indexes(deck, [section])[0]]
    output.show(common.console(), bank_view.render_section(deck, chosen), page=not no_pager)


@app.command()
def show(
    question: Annotated[str, typer.Argument(help="Question id, unique id prefix, or 3.2.")],
) -> None:
    """Show one question with its answer, section and id.

    Examples: `flaskprep show 2.2`, `flaskprep show 4f1c`.
    """
    from flaskprep.cli import common
    from flaskprep.ui import bank_view, output

    deck = common.load_deck()
    found = common.find_question(deck, question)
    output.show(common.console(), bank_view.render_show(deck, found))


@app.command()
def resources() -> None:
    """List the deck's further-reading links."""
    from flaskprep.cli import common
    from flaskprep.ui import bank_view, output

    deck = common.load_deck()
    output.show(common.console(), bank_view.render_resources(deck))
