"""``flaskprep export``: the deck for Anki, a spreadsheet, JSON or Markdown."""

from __future__ import annotations

import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from flaskprep import export as writers
from flaskprep.anki_package import write_apkg
from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections
from flaskprep.cli.progress import progress_store
from flaskprep.documents import deck_document, dumps
from flaskprep.errors import FlaskprepError, ProgressError, UsageError
from flaskprep.model import Deck
from flaskprep.rewording import reworded_questions
from flaskprep.ui.safe import clean


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
    if sys.stdout.isatty():
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
    if fmt is ExportFormat.anki:
        return writers.to_anki_text(deck, _rewordings(deck))
    if fmt is ExportFormat.csv:
        return writers.to_csv(deck)
    if fmt is ExportFormat.markdown:
        return writers.to_markdown(deck)

    return dumps(deck_document(deck)) + "\n"


def _write_apkg(deck: Deck, output: Path | None) -> None:
    """To ``output``, or (``-o -``) to standard output unless that is a terminal."""
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
    try:
        progress = progress_store().load().deck(deck.key)
    except ProgressError:
        return {}
    carried = {qid: card.carried_from for qid, card in progress.cards.items() if card.carried_from}
    return {**carried, **reworded_questions(deck, progress)}


def _write_file(target: Path, text: str, encoding: str) -> None:
    try:
        with target.open("w", encoding=encoding, newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise FlaskprepError(f"{target}: cannot write: {exc.strerror or exc}") from None
