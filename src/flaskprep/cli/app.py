"""The typer app and its global options. Command modules register on ``app``.

Loaded only when typer runs a command (``cli/registry.py``); ``search``, ``quiz`` and
``stats`` with plain arguments never load it (``cli/fast.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from flaskprep import __version__
from flaskprep.cli.options import COLOR, DECK, OptionSpec
from flaskprep.cli.state import options
from flaskprep.ui.color import ColorChoice

app = typer.Typer(
    name="flaskprep",
    help="Drill Flask interview questions in the terminal: flashcards with spaced "
    "repetition, instant search, mock interviews.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def typer_option(spec: OptionSpec[Any], **extra: Any) -> Any:
    """Typer's parameter for a declaration in ``cli/options.py`` (the only place it is spelled)."""
    return typer.Option(
        *spec.names,
        help=spec.help,
        metavar=spec.metavar,
        envvar=spec.envvar,
        min=spec.minimum,
        show_default=not (spec.default is None or spec.flag),
        **extra,
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"flaskprep {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    deck: Annotated[Path | None, typer_option(DECK)] = DECK.default,
    color: Annotated[ColorChoice, typer_option(COLOR)] = COLOR.default,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Drill Flask interview questions in the terminal."""
    options.deck = deck
    options.color = color
