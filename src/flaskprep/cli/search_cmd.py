"""``flaskprep search``: find questions at once, typos and all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from flaskprep.cli.app import app
from flaskprep.cli.completion import complete_section

if TYPE_CHECKING:
    from flaskprep.model import Deck
    from flaskprep.search import SearchResult


@app.command()
def search(
    query: Annotated[list[str], typer.Argument(help='Words to look for; "quote" a phrase.')],
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            "-s",
            help="Only this section (number or title part).",
            autocompletion=complete_section,
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N hits.")] = 10,
    answers: Annotated[bool, typer.Option("--answers", "-a", help="Print each answer.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits as JSON.")] = False,
) -> None:
    """Search questions and answers; exit 1 when nothing matches (as grep does).

    Examples: `flaskprep search blueprint`, `flaskprep search "application context"`,
    `flaskprep search how do I hash passwords --answers`.
    """
    from flaskprep.cli import common
    from flaskprep.search import search as run_search

    text = " ".join(query)
    results: list[tuple[Deck, SearchResult]] = []
    for deck, index in common.load_indexed_decks():
        sections = common.section_indexes(deck, section) if section else []
        results.append((deck, run_search(deck, index, text, limit=limit, sections=sections)))
    if as_json:
        from flaskprep.ui.search_view import search_json

        decks = [deck for deck, _ in results]
        typer.echo(search_json([r for _, r in results], decks, limit=limit))
    found = [(deck, result) for deck, result in results if result.hits]
    if not found:
        _no_match(text, results)
    if not as_json:
        from flaskprep.ui.search_view import render_results

        common.console().print(render_results(found, show_answers=answers))


def _no_match(text: str, results: list[tuple[Deck, SearchResult]]) -> None:
    from flaskprep.errors import NoMatch

    suggestion = next((r.suggestion for _, r in results if r.suggestion), None)
    hint = f"did you mean {suggestion!r}?" if suggestion else None
    raise NoMatch(f"no questions match {text!r}", hint=hint)
