"""``flaskprep config``: the config file and the settings in force."""

from __future__ import annotations

from typing import Annotated

import typer

from flaskprep import config, paths
from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.ui.library_view import render_config


@app.command(name="config", short_help="Show the config file and settings.")
def show_config(
    path_only: Annotated[bool, typer.Option("--path", help="Print only the file's path.")] = False,
) -> None:
    """Print the config file's path and the settings in force, with where each comes from.

    Settings: deck, quiz_mode, count, new_per_day (TOML, e.g. `count = 30`).

    Examples: `flaskprep config`, `$EDITOR "$(flaskprep config --path)"`.
    """
    if path_only:
        typer.echo(str(paths.config_file()))
        return
    common.console().print(render_config(paths.config_file(), config.load_config()))
