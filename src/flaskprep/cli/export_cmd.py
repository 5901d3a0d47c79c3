"""``export``, ``decks`` and ``config``: the deck outside flaskprep, and what is in force."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections
from flaskprep.errors import Outcome

if TYPE_CHECKING:
    from collections.abc import Callable

    from flaskprep.model import Deck
    from flaskprep.store.moves import Unreachable

    DeckCount = Callable[[Deck], int | None]


class ExportFormat(str, Enum):
    anki = "anki"
    apkg = "apkg"
    csv = "csv"
    json = "json"
    markdown = "markdown"


@app.command(short_help="Export to Anki, CSV, JSON or Markdown.")
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="anki (text import), apkg, csv, json or markdown."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (- or none: standard output).",
            show_default=False,
        ),
    ] = None,
    section: Sections = None,
) -> None:
    """Export the deck for Anki, a spreadsheet, scripts, or as seed-layout Markdown.

    `anki` is Anki's text import format and `apkg` an Anki package (needs the
    flaskprep[anki] extra); both make the same notes, so importing either again
    updates them. `-o -` (or no -o) writes to standard output.

    Examples: `flaskprep export --format anki -o flask.txt`,
    `flaskprep export --format csv --section 2 > routing.csv`,
    `flaskprep --deck notes.txt export --format markdown -o notes.md`.
    """
    from flaskprep import export as writers
    from flaskprep.cli import common

    whole = common.load_deck()
    deck = writers.subset(whole, common.section_indexes(whole, section))
    to_stdout = output is None or str(output) == "-"
    if fmt is ExportFormat.apkg:
        _write_apkg(deck, None if to_stdout else output)
        return
    text = _render(deck, fmt)
    if to_stdout or output is None:
        _to_stdout(text)
        return
    _write_file(output, text, writers.file_encoding(fmt.value))
    typer.echo(f"Wrote {len(deck.questions)} questions to {output}", err=True)


def _to_stdout(text: str) -> None:
    """A terminal gets deck text with control characters made visible; pipes get it as
    is, in UTF-8 whatever the locale (an ASCII or Latin-1 locale would lose characters)."""
    import sys

    if sys.stdout.isatty():
        from flaskprep.ui.safe import clean

        typer.echo("\r\n".join(clean(part) for part in text.split("\r\n")), nl=False)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests, some IDEs)
        typer.echo(text, nl=False)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8", "replace"))
    buffer.flush()


def _render(deck: Deck, fmt: ExportFormat) -> str:
    from flaskprep import export as writers

    if fmt is ExportFormat.anki:
        return writers.to_anki_text(deck, _rewordings(deck))
    if fmt is ExportFormat.csv:
        return writers.to_csv(deck)
    if fmt is ExportFormat.markdown:
        return writers.to_markdown(deck)
    from flaskprep.documents import deck_document, dumps

    return dumps(deck_document(deck)) + "\n"


def _write_apkg(deck: Deck, output: Path | None) -> None:
    """To ``output``, or (``-o -``) to standard output unless that is a terminal."""
    import sys
    import tempfile

    from flaskprep.anki_package import write_apkg
    from flaskprep.errors import UsageError

    if output is not None:
        count = write_apkg(deck, output, _rewordings(deck))
        typer.echo(f"Wrote {count} notes to {output}", err=True)
        return
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None or sys.stdout.isatty():
        raise UsageError(
            "--format apkg writes a binary file", hint="give one with -o FILE.apkg, or pipe it"
        )
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "deck.apkg"
        write_apkg(deck, target, _rewordings(deck))
        sys.stdout.flush()
        binary.write(target.read_bytes())
        binary.flush()


def _rewordings(deck: Deck) -> dict[str, str]:
    """Reworded question id -> the id it took progress from, so its Anki note stays one."""
    from flaskprep.errors import ProgressError
    from flaskprep.rewording import reworded_questions
    from flaskprep.store import ProgressStore

    try:
        progress = ProgressStore().load().deck(deck.key)
    except ProgressError:
        return {}
    carried = {qid: card.carried_from for qid, card in progress.cards.items() if card.carried_from}
    return {**carried, **reworded_questions(deck, progress)}


def _write_file(target: Path, text: str, encoding: str) -> None:
    from flaskprep.errors import FlaskprepError

    try:
        with target.open("w", encoding=encoding, newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise FlaskprepError(f"{target}: cannot write: {exc.strerror or exc}") from None


@app.command(short_help="List the decks in use, with due counts.")
def decks(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the list as JSON (docs/json.md).")
    ] = False,
    forget: Annotated[
        str | None,
        typer.Option(
            "--forget", metavar="KEY", help="Drop the progress of a deck whose file is gone."
        ),
    ] = None,
    relink: Annotated[
        tuple[str, Path] | None,
        typer.Option(
            "--relink", metavar="KEY PATH", help="Give a lost deck's progress to the deck at PATH."
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --forget.")] = False,
) -> Outcome:
    """List the decks --deck names (a file, a folder of .md decks, or the bundled deck).

    Shows each deck's questions, unanswered, new (never reviewed) and due questions,
    then progress kept for decks whose file cannot be found (by KEY).

    Examples: `flaskprep decks`, `flaskprep --deck ~/decks decks`,
    `flaskprep decks --relink KEY moved/deck.md`, `flaskprep decks --forget KEY --yes`.
    """
    from flaskprep import config, library
    from flaskprep.cli import common
    from flaskprep.cli.state import options
    from flaskprep.deck_cache import load_deck
    from flaskprep.ui import library_view

    if forget is not None:
        return _forget(forget, yes)
    if relink is not None and relink[0] is not None:
        return _relink(*relink)
    files = library.deck_paths(config.effective_deck(options.deck))
    count_due, count_new, unread, lost = _progress_counters()
    summaries = library.summarise(files, load_deck, count_due, count_new)
    if as_json:
        from flaskprep.documents import decks_document, dumps

        typer.echo(dumps(decks_document(summaries, lost)))
    else:
        common.console().print(library_view.render_decks(summaries, lost))
    errors = tuple(item.error for item in summaries if item.error is not None)
    return Outcome(errors=errors, worked_around=unread)


def _forget(key: str, yes: bool) -> Outcome:
    import sys

    from flaskprep.errors import UsageError
    from flaskprep.store import ProgressStore
    from flaskprep.ui.safe import clean

    if not yes:
        if not sys.stdin.isatty():
            raise UsageError("not forgetting without confirmation", hint="add --yes to forget")
        if not typer.confirm(clean(f"Forget all progress kept under {key}?"), default=False):
            typer.echo("Nothing was forgotten.")
            return Outcome()
    gone = ProgressStore().forget(key)
    typer.echo(clean(f"Forgot the progress of {gone.path} ({gone.cards} cards)."))
    return Outcome()


def _relink(key: str, path: Path) -> Outcome:
    from flaskprep.deck_cache import deck_key, load_deck
    from flaskprep.store import ProgressStore
    from flaskprep.ui.safe import clean

    deck = load_deck(path)  # refuses a path that is not a readable deck, with one line
    ProgressStore().relink(key, deck_key(path))
    typer.echo(clean(f"The progress kept under {key} now belongs to {deck.title} ({path})."))
    return Outcome()


def _progress_counters() -> tuple[DeckCount, DeckCount, tuple[str, ...], list[Unreachable]]:
    """Due and new counts from the progress file, or ``None`` (shown as '-') and why
    the file cannot be read; and the progress of decks whose file is gone."""
    from datetime import datetime, timezone

    from flaskprep.errors import ProgressError
    from flaskprep.library import due_count, new_count
    from flaskprep.store import ProgressStore
    from flaskprep.store.moves import unreachable

    store = ProgressStore()
    try:
        progress = store.load()
    except ProgressError as exc:
        return (lambda deck: None), (lambda deck: None), (str(exc),), []
    for notice in store.notices:
        typer.echo(notice, err=True)
    now = datetime.now(timezone.utc)
    return (
        lambda deck: due_count(deck, progress.deck(deck.key).cards, now),
        lambda deck: new_count(deck, progress.deck(deck.key).cards),
        (),
        unreachable(progress),
    )


@app.command(name="config", short_help="Show the config file and settings.")
def show_config(
    path_only: Annotated[bool, typer.Option("--path", help="Print only the file's path.")] = False,
) -> None:
    """Print the config file's path and the settings in force, with where each comes from.

    Settings: deck, quiz_mode, count, new_per_day (TOML, e.g. `count = 30`).

    Examples: `flaskprep config`, `$EDITOR "$(flaskprep config --path)"`.
    """
    from flaskprep import config, paths
    from flaskprep.cli import common
    from flaskprep.ui.library_view import render_config

    if path_only:
        typer.echo(str(paths.config_file()))
        return
    common.console().print(render_config(paths.config_file(), config.load_config()))
