"""Register commands on the app: every command module, or only the one a run needs.

Building typer's command tree inspects every registered command's signature, and
each command module costs its imports, so ``flaskprep quiz`` registers only
``quiz_cmd``. Anything else (no command, ``--help``, an unknown or mistyped
command, shell completion) registers every module, so help, "no such command"
and suggestions are unchanged. ``from flaskprep.cli.registry import app`` still
gives the app with every command.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

COMMAND_MODULES = {
    "browse": "bank_cmd",
    "show": "bank_cmd",
    "resources": "bank_cmd",
    "export": "export_cmd",
    "decks": "export_cmd",
    "config": "export_cmd",
    "lint": "lint_cmd",
    "quiz": "quiz_cmd",
    "preview": "preview_cmd",
    "search": "search_cmd",
    "check": "study_cmd",
    "interview": "study_cmd",
    "stats": "study_cmd",
    "reset": "study_cmd",
}
"""Which module registers each command; a command missing here still works (all load)."""
ALL_MODULES = (
    "quiz_cmd",
    "search_cmd",
    "bank_cmd",
    "study_cmd",
    "export_cmd",
    "lint_cmd",
    "preview_cmd",
)
"""In the order `flaskprep --help` lists their commands: daily use first."""


def app_for(command: str | None) -> typer.Typer:
    """The app with ``command``'s module registered, or every module when in doubt."""
    from flaskprep.cli.app import app

    module = COMMAND_MODULES.get(command or "")
    completing = any(name.startswith("_FLASKPREP_COMPLETE") for name in os.environ)
    for name in ALL_MODULES if module is None or completing else (module,):
        importlib.import_module(f"flaskprep.cli.{name}")
    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return app_for(None)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
