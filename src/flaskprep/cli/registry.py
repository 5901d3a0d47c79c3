"""Register commands on the app: every command module, or only the one a run needs.

The one place flaskprep defers loading its own code (see ``docs/architecture.md``):
each command module imports what its commands use at its top, and ``flaskprep quiz``
imports only ``quiz_cmd``. Anything else (``--help``, an unknown or mistyped command,
shell completion) registers every module, so help, "no such command" and suggestions
are unchanged. ``app_for(None)`` gives the app with every command.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

COMMAND_MODULES = {
    "browse": "browse_cmd",
    "show": "browse_cmd",
    "resources": "browse_cmd",
    "export": "export_cmd",
    "decks": "decks_cmd",
    "config": "config_cmd",
    "lint": "lint_cmd",
    "quiz": "quiz_cmd",
    "preview": "preview_cmd",
    "search": "search_cmd",
    "check": "check_cmd",
    "interview": "interview_cmd",
    "stats": "stats_cmd",
    "reset": "reset_cmd",
}
"""Which module registers each command; a command missing here still works (all load)."""
ALL_MODULES = (
    "quiz_cmd",
    "search_cmd",
    "browse_cmd",
    "check_cmd",
    "interview_cmd",
    "stats_cmd",
    "reset_cmd",
    "export_cmd",
    "decks_cmd",
    "config_cmd",
    "lint_cmd",
    "preview_cmd",
)
"""In the order `flaskprep --help` lists their commands: daily use first."""


def completing() -> bool:
    """Whether the shell asked for completions (typer's environment variable is set)."""
    return any(name.startswith("_FLASKPREP_COMPLETE") for name in os.environ)


def app_for(command: str | None) -> typer.Typer:
    """The app with ``command``'s module registered, or every module when in doubt."""
    module = COMMAND_MODULES.get(command or "")
    for name in ALL_MODULES if module is None or completing() else (module,):
        importlib.import_module(f"flaskprep.cli.{name}")
    app: typer.Typer = importlib.import_module("flaskprep.cli.app").app
    return app
