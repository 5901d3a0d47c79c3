"""Search results as a compact list (rich) or as JSON for scripts."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from flaskprep.model import Deck
from flaskprep.search import Hit, SearchResult, highlight_spans
from flaskprep.ui.answer_text import code_spans, plain, plain_title
from flaskprep.ui.safe import clean

MATCH_STYLE = "bold yellow"


def highlighted(text: str, matched_terms: tuple[str, ...], style: str = "") -> Text:
    """Deck text shown literally, with the matched words emphasised by range."""
    safe = clean(text)
    rendered = Text(safe, style=style)
    for start, end in highlight_spans(safe, matched_terms):
        rendered.stylize(MATCH_STYLE, start, end)
    return rendered


def _render_hit(rank: int, hit: Hit, deck: Deck, *, show_answers: bool) -> list[RenderableType]:
    question = hit.question
    head = Text()
    head.append(f"{rank:>2}. ", style="cyan")
    head.append_text(
        code_spans(highlighted(plain_title(question.text), hit.matched_terms, style="bold"))
    )
    meta = Text(f"{question.id} · {plain(deck.section_of(question).label)}", style="dim")
    parts: list[RenderableType] = [head, Padding(meta, (0, 0, 0, 4), expand=False)]
    if show_answers:
        answer = (
            highlighted(question.answer, hit.matched_terms)
            if question.answered
            else Text("(no answer in the deck)", style="dim italic")
        )
        parts.append(Padding(answer, (0, 0, 1, 4), expand=False))
    return parts


def render_search(result: SearchResult, deck: Deck, *, show_answers: bool) -> RenderableType:
    """Rank, question (matches highlighted), id and section; answers when asked."""
    if not result.hits:
        message = Text(f"No questions match {clean(result.query)!r}.")
        if result.suggestion:
            message.append(f" Did you mean {clean(result.suggestion)!r}?")
        return message
    rows: list[RenderableType] = []
    for rank, hit in enumerate(result.hits, start=1):
        rows.extend(_render_hit(rank, hit, deck, show_answers=show_answers))
    return Group(*rows)


def render_results(found: list[tuple[Deck, SearchResult]], *, show_answers: bool) -> RenderableType:
    """One deck's hits as they are; several decks' hits each under the deck's title; then
    how many more match, if ``--limit`` left some out."""
    parts: list[RenderableType] = []
    for deck, result in found:
        if len(found) > 1:
            parts.append(Text(plain(deck.title), style="bold underline"))
        parts.append(render_search(result, deck, show_answers=show_answers))
    matches = max(r.matches for _, r in found) if found else 0
    shown = max((len(r.hits) for _, r in found), default=0)
    if matches > shown:
        more = sum(max(0, r.matches - len(r.hits)) for _, r in found)
        parts.append(Text(f"{more} more match; --limit {matches} shows them.", style="dim"))
    return Group(*parts)
