"""The body of ``flaskprep search``, free of typer so the fast path can call it too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskprep.cli import common
from flaskprep.errors import NoMatch, UsageError
from flaskprep.search import search as run_search
from flaskprep.ui.search_view import render_results

if TYPE_CHECKING:
    from flaskprep.model import Deck
    from flaskprep.search import SearchResult


def run(
    query: list[str], section: list[str] | None, limit: int, answers: bool, as_json: bool
) -> None:
    """Search every deck in use and print the hits; ``NoMatch`` (exit 1) when there are none."""
    text = " ".join(query).strip()
    if not text:
        raise UsageError("search needs words to look for", hint="flaskprep search blueprint")
    results: list[tuple[Deck, SearchResult]] = []
    elsewhere = 0
    loaded = common.load_indexed_decks()
    peers = [index for _, index in loaded]  # one idf for the folder: scores compare
    for deck, index in loaded:
        sections = common.section_indexes(deck, section) if section else []
        result = run_search(deck, index, text, limit=limit, sections=sections, peers=peers)
        results.append((deck, result))
        if section and not result.hits:
            elsewhere += len(run_search(deck, index, text, limit=limit, peers=peers).hits)
    if as_json:
        from flaskprep.documents import dumps, search_document  # --json only: json stays unloaded

        common.echo(dumps(search_document(results, text, limit)))
    found = [(deck, result) for deck, result in results if result.hits]
    found.sort(key=lambda pair: -pair[1].hits[0].score)  # the best-matching deck first
    if not found:
        _no_match(text, results, elsewhere)
    if not as_json:
        common.console().print(render_results(found, show_answers=answers))


def _no_match(text: str, results: list[tuple[Deck, SearchResult]], elsewhere: int) -> None:
    if elsewhere:
        raise NoMatch(
            f"no questions in the chosen sections match {text!r}",
            hint=f"{elsewhere} match in other sections; drop --section to see them",
        )
    closest = list(dict.fromkeys(word for _, r in results for word in r.closest))[:4]
    suggestions = list(dict.fromkeys(r.suggestion for _, r in results if r.suggestion))[:1]
    unknown = [w for w in results[0][1].unknown if all(w in r.unknown for _, r in results)]
    quoted = ", ".join(f'"{word}"' for word in unknown[:3])
    titled = [
        f'"{word}" names section {n}: flaskprep browse {n}'
        for _, r in results
        for word, n in r.titled
    ]
    hints = [
        f"nothing in the deck says {quoted}" if unknown else "",
        *titled[:1],
        f"terms the deck has: {', '.join(closest)}"
        if closest
        else f"did you mean {suggestions[0]}?"
        if suggestions
        else "",
    ]
    hint = "; ".join(part for part in hints if part) or None
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    raise NoMatch(f'no question matches "{printable}"', hint=hint)
