"""The typer app and its global options. Command modules register on ``app``.

Only typer is imported at module level anywhere in ``cli/``: each command
imports the core and ``ui`` modules it needs inside its body, which keeps
``flaskprep search`` close to interpreter start-up time.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from flaskprep import __version__
from flaskprep.cli.state import options

app = typer.Typer(
    name="flaskprep",
    help="Drill Flask interview questions in the terminal: flashcards with spaced "
    "repetition, instant search, mock interviews.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"flaskprep {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    deck: Annotated[
        Path | None,
        typer.Option(
            "--deck",
            "-d",
            envvar="FLASKPREP_DECK",
            help="Markdown deck (or folder of decks) to use instead of the bundled Flask deck.",
            show_default=False,
        ),
    ] = None,
    color: Annotated[
        Color, typer.Option("--color", help="Colour output: auto, always or never.")
    ] = Color.auto,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Drill Flask interview questions in the terminal."""
    options.deck = deck
    options.color = color.value
