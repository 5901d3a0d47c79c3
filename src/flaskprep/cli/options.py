"""Each option of the global flags and of the daily commands declared once: its names,
default, environment variable, type and help.

Typer's parameters are built from these in ``cli/app.py`` (:func:`typer_option`), and
the typer-free path for ``search``, ``quiz`` and ``stats`` in ``cli/fast.py`` reads the
same declarations, so a name, a default or an environment variable cannot drift between
the two. This module imports no typer: the fast path loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from flaskprep.learn.modes import QUIZ_MODES
from flaskprep.ui.color import COLOR_CHOICES, ColorChoice

T = TypeVar("T")


@dataclass(frozen=True)
class OptionSpec(Generic[T]):
    names: tuple[str, ...]
    help: str
    default: T
    metavar: str | None = None
    """The placeholder in ``--help`` (``N`` rather than click's ``<int range>``)."""
    envvar: str | None = None
    minimum: int | None = None
    number: bool = False
    """A whole number (typer reads ``int``)."""
    choices: tuple[str, ...] | None = None
    """The only values allowed (typer reads an ``Enum`` of them)."""
    flag: bool = False
    repeatable: bool = False


DECK: OptionSpec[Path | None] = OptionSpec(
    ("--deck", "-d"),
    "Markdown deck (or folder of decks) to use instead of the bundled Flask deck.",
    None,
    metavar="PATH",
    envvar="FLASKPREP_DECK",
)
COLOR: OptionSpec[ColorChoice] = OptionSpec(
    ("--color",), f"Colour output: {', '.join(COLOR_CHOICES)}.", "auto", metavar="WHEN"
)
SECTION: OptionSpec[list[str] | None] = OptionSpec(
    ("--section", "-s"),
    "Only this section (number or part of its title); repeatable.",
    None,
    metavar="SECTION",
    repeatable=True,
)
SEARCH_LIMIT: OptionSpec[int] = OptionSpec(
    ("--limit", "-n"), "Show at most N hits.", 10, metavar="N", minimum=1, number=True
)
SEARCH_ANSWERS: OptionSpec[bool] = OptionSpec(
    ("--answers", "-a"), "Print each answer.", False, flag=True
)
SEARCH_JSON: OptionSpec[bool] = OptionSpec(
    ("--json",), "Print hits as JSON (schema: docs/json.md).", False, flag=True
)

QUIZ_MODE: OptionSpec[str | None] = OptionSpec(
    ("--mode", "-m"),
    "flash, type, choice, truefalse, cloze or mixed [default: flash, or config].",
    None,
    choices=QUIZ_MODES,
)
QUIZ_COUNT: OptionSpec[int | None] = OptionSpec(
    ("--count", "-n"),
    "Questions to ask [default: 20, or config].",
    None,
    metavar="N",
    minimum=1,
    number=True,
)
QUIZ_CRAM: OptionSpec[bool] = OptionSpec(
    ("--cram",), "Drill any questions; the schedule is not touched.", False, flag=True
)
QUIZ_SEED: OptionSpec[int | None] = OptionSpec(
    ("--seed",), "Make order and options reproducible.", None, metavar="N", number=True
)
STATS_JSON: OptionSpec[bool] = OptionSpec(
    ("--json",), "Print the numbers as JSON (docs/json.md).", False, flag=True
)
NO_PAGER: OptionSpec[bool] = OptionSpec(
    ("--no-pager",), "Never page long output.", False, flag=True
)

GLOBAL_OPTIONS: tuple[OptionSpec[Path | None] | OptionSpec[ColorChoice], ...] = (DECK, COLOR)


def hoist_global_options(args: list[str]) -> list[str]:
    """``flaskprep search rebase --deck git.md`` read as ``flaskprep --deck git.md search
    rebase``: a global option given after the command moves before it, where it belongs.

    No command uses a global option's names for its own, so nothing else moves; nor does
    anything after ``--``, a name without its value, or one whose value looks like an
    option (``--deck --color``): typer then says what is wrong.
    """
    names = {name for spec in GLOBAL_OPTIONS for name in spec.names}
    command = 0
    while command < len(args) and _global_name(args[command]) in names:
        command += 1 if "=" in args[command] else 2
    if command >= len(args) or args[command].startswith("-"):
        return args
    moved: list[str] = []
    kept: list[str] = []
    index = command + 1
    while index < len(args):
        token = args[index]
        if token == "--":
            kept.extend(args[index:])
            break
        size = 1 if "=" in token else 2
        value = args[index + 1] if size == 2 and index + 1 < len(args) else ""
        if _global_name(token) in names and index + size <= len(args) and value[:1] != "-":
            moved.extend(args[index : index + size])
            index += size
            continue
        kept.append(token)
        index += 1
    return [*args[:command], *moved, args[command], *kept]


def _global_name(token: str) -> str:
    """The option name of ``--deck=x`` (``--deck``), or the token itself."""
    return token.partition("=")[0] if token.startswith("--") else token
