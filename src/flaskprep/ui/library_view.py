"""Renderables for `decks`, `config` and clickable resource links."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from flaskprep.config import ENV_VARS, Config
from flaskprep.library import DeckSummary
from flaskprep.model import Deck
from flaskprep.ui.fit import FirstThatFits
from flaskprep.ui.safe import clean

if TYPE_CHECKING:
    from flaskprep.store.moves import Unreachable  # an annotation: `config` loads no store


def render_decks(summaries: list[DeckSummary], lost: list[Unreachable]) -> RenderableType:
    """With the File column when it fits, else without; deck titles on one line when
    they fit, else wrapped; headers are always whole. Then progress kept for decks whose
    file is gone, if any."""
    decks = FirstThatFits(
        *(_decks_table(summaries, files=f, wrap=w) for w in (False, True) for f in (True, False))
    )
    return Group(decks, _lost_table(lost)) if lost else decks


def _lost_table(lost: list[Unreachable]) -> RenderableType:
    """Key, then where the deck was last seen when that is not its key, and counts."""
    hints = any(item.path != item.key for item in lost)
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("Key", overflow="fold")
    if hints:
        table.add_column("Last seen at", style="dim", overflow="fold")
    for name in ("Cards", "Reviews"):
        table.add_column(name, justify="right", no_wrap=True)
    for item in lost:
        hint = [Text(clean(item.path))] if hints else []
        table.add_row(Text(clean(item.key)), *hint, str(item.cards), str(item.reviews))
    note = Text(
        "\nProgress of decks that cannot be found (flaskprep decks --relink KEY PATH, "
        "or --forget KEY):",
        style="yellow",
    )
    return Group(note, table)


def _decks_table(summaries: list[DeckSummary], *, files: bool, wrap: bool) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False)
    names = [_deck_cell(item) for item in summaries]
    whole = max((name.cell_len for name in names), default=0)
    table.add_column("Deck", min_width=12 if wrap else max(12, whole), no_wrap=not wrap)
    if files:
        table.add_column("File", style="dim", no_wrap=True)
    for name in ("Questions", "No answer", "New", "Due"):
        table.add_column(name, justify="right", min_width=len(name), no_wrap=True)
    for item, deck_name in zip(summaries, names, strict=True):
        file = [Text(clean(item.path.name))] if files else []
        if item.error is not None:
            table.add_row(deck_name, *file)
            continue
        table.add_row(
            deck_name,
            *file,
            str(item.questions),
            str(item.unanswered),
            _count(item.new),
            _count(item.due),
        )
    return table


def _deck_cell(item: DeckSummary) -> Text:
    if item.error is not None:
        return Text(f"(unreadable) {clean(str(item.path))}", style="red")
    return Text(clean(item.title))


def _count(value: int | None) -> str:
    return "-" if value is None else str(value)


def render_config(path: Path, config: Config) -> RenderableType:
    exists = "" if path.is_file() else "  (not created yet; all values are defaults)"
    head = Text("Config file: ", style="bold")
    head.append(clean(str(path)), style="")
    head.append(exists, style="dim")
    table = Table(box=None, header_style="bold")
    for name in ("Setting", "Value", "From"):
        table.add_column(name)
    for name, env in ENV_VARS.items():
        source = config.source(name)
        where = f"env {env}" if source == "env" else source
        shown = _shown(name, getattr(config, name))
        table.add_row(name, Text(clean(shown)), Text(where, style="dim"))
    return Group(head, Text(""), table)


def _shown(name: str, value: object) -> str:
    if value is None:
        return "bundled Flask deck" if name == "deck" else "no limit"
    return str(value)


def link_target(url: str) -> str | None:
    """``url`` if it is safe to make clickable: http(s), with no spaces or control characters."""
    stripped = url.strip()
    if not stripped or clean(stripped) != stripped or any(c.isspace() for c in stripped):
        return None
    parts = urlsplit(stripped)
    return stripped if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def render_linked_resources(deck: Deck) -> RenderableType:
    """The resources list with each http(s) URL a terminal hyperlink (OSC 8) where supported."""
    if not deck.resources:
        return Text("This deck lists no resources.", style="dim")
    lines = []
    for number, resource in enumerate(deck.resources, start=1):
        line = Text(f"{number}. ", style="cyan")
        line.append(clean(resource.title), style="bold")
        line.append("  ")
        target = link_target(resource.url)
        style = Style(underline=True, link=target) if target else Style(underline=True)
        line.append(clean(resource.url), style=style)
        lines.append(line)
    return Group(*lines)
