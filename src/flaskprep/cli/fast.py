"""The daily commands without typer: ``search``, ``quiz`` and ``stats`` skip its start-up.

Importing typer and building its command tree is a fifth of what these commands
would otherwise cost (figures in ``bench/RESULTS.md``). :func:`fast_command` accepts
only the plain spellings of the global options and of the command's own, read from
the same declarations typer's parameters are built from (``cli/options.py``), and
calls the same typer-free body (``cli/<command>_run.py``) the typer command calls.
Anything else (``--help``, ``--``, a bad value, an unknown option, shell completion)
returns None and goes through typer as before, so its messages and exit codes stay
typer's.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from flaskprep.cli.options import (
    COLOR,
    DECK,
    GLOBAL_OPTIONS,
    NO_PAGER,
    QUIZ_COUNT,
    QUIZ_CRAM,
    QUIZ_MODE,
    QUIZ_SEED,
    SEARCH_ANSWERS,
    SEARCH_JSON,
    SEARCH_LIMIT,
    SECTION,
    STATS_JSON,
    OptionSpec,
)
from flaskprep.cli.registry import completing
from flaskprep.cli.state import options
from flaskprep.ui.color import ColorChoice, color_choice
from flaskprep.user_number import parse_whole


@dataclass(frozen=True)
class FastCommand:
    """A command the fast path runs: where its body is, and its options by parameter name."""

    module: str
    """``flaskprep.cli.<module>.run`` is the body; the typer command calls it too."""
    options: Mapping[str, OptionSpec[Any]]
    words: str | None = None
    """The parameter taking the command's words (at least one), if it takes any."""

    def valued(self) -> frozenset[str]:
        return frozenset(n for spec in self.options.values() if not spec.flag for n in spec.names)

    def flags(self) -> frozenset[str]:
        return frozenset(n for spec in self.options.values() if spec.flag for n in spec.names)


FAST_COMMANDS = {
    "search": FastCommand(
        "search_run",
        {
            "section": SECTION,
            "limit": SEARCH_LIMIT,
            "answers": SEARCH_ANSWERS,
            "as_json": SEARCH_JSON,
        },
        words="query",
    ),
    "quiz": FastCommand(
        "quiz_run",
        {
            "mode": QUIZ_MODE,
            "count": QUIZ_COUNT,
            "section": SECTION,
            "cram": QUIZ_CRAM,
            "seed": QUIZ_SEED,
        },
    ),
    "stats": FastCommand("stats_run", {"as_json": STATS_JSON, "no_pager": NO_PAGER}),
}
GLOBAL_VALUED = frozenset(name for spec in GLOBAL_OPTIONS for name in spec.names)
Pairs = list[tuple[str, str]]
Tokens = tuple[Pairs, list[str], int]


class Call(NamedTuple):
    """What a command line asks for: the global options, the command, its arguments."""

    deck: Path | None
    color: ColorChoice
    command: str
    arguments: dict[str, Any]
    """Keyword arguments of the command's body, as typer would pass them."""


def fast_command(argv: list[str]) -> Callable[[], object] | None:
    """A runner for ``argv`` that needs no typer, or None to use typer."""
    if completing():
        return None
    call = parse_call(argv)
    if call is None:
        return None
    return lambda: run_call(call)


def parse_call(argv: list[str]) -> Call | None:
    """``flaskprep [--deck P] [--color W] COMMAND [options]``, or None if unusual."""
    head = _read(argv, GLOBAL_VALUED, frozenset(), words=False)
    if head is None or head[2] >= len(argv) or argv[head[2]] not in FAST_COMMANDS:
        return None
    name = argv[head[2]]
    command = FAST_COMMANDS[name]
    tail = _read(argv[head[2] + 1 :], command.valued(), command.flags(), words=True)
    if tail is None or bool(tail[1]) != (command.words is not None):
        return None
    color = color_choice(_last(head[0], COLOR.names) or COLOR.default)
    deck = _last(head[0], DECK.names) or _from_env(DECK.envvar) or DECK.default
    arguments = _arguments(command, tail[0])
    if color is None or arguments is None:
        return None
    if command.words is not None:
        arguments[command.words] = tail[1]
    return Call(Path(deck) if deck else None, color, name, arguments)


def _arguments(command: FastCommand, pairs: Pairs) -> dict[str, Any] | None:
    """Each parameter's value as typer would convert it; None when typer should say no."""
    arguments: dict[str, Any] = {}
    for parameter, spec in command.options.items():
        given = [value for name, value in pairs if name in spec.names]
        if not given:
            arguments[parameter] = spec.default
        elif spec.flag:
            arguments[parameter] = True
        elif spec.repeatable:
            arguments[parameter] = given
        else:
            value = _value(spec, given[-1])
            if value is None:
                return None
            arguments[parameter] = value
    return arguments


def _value(spec: OptionSpec[Any], text: str) -> object | None:
    if spec.choices is not None:
        return text if text in spec.choices else None
    if not spec.number:
        return text
    number = parse_whole(text)  # None for ² or 5,000 digits: typer words the error
    if number is None or number < (spec.minimum or 0):
        return None
    return number


def _from_env(name: str | None) -> str | None:
    return os.environ.get(name) if name else None


def command_name(argv: list[str]) -> str | None:
    """The command ``argv`` runs, if only plain global options come before it."""
    head = _read(argv, GLOBAL_VALUED, frozenset(), words=False)
    return argv[head[2]] if head is not None and head[2] < len(argv) else None


def _last(pairs: Pairs, names: tuple[str, ...]) -> str | None:
    values = [value for name, value in pairs if name in names]
    return values[-1] if values else None


def _read(
    tokens: list[str], valued: frozenset[str], flags: frozenset[str], *, words: bool
) -> Tokens | None:
    """Options as ``(name, value)`` pairs, plain words, and where reading stopped.

    Stops at the first word when ``words`` is false (the command name); None for
    any token it does not know, a missing value, or a value that looks like an option.
    """
    pairs: Pairs = []
    found: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.startswith("-"):
            if not words:
                break
            found.append(token)
            i += 1
            continue
        name, eq, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in flags and not eq:
            pairs.append((name, ""))
            i += 1
            continue
        if name not in valued:
            return None
        if not eq:
            if i + 1 >= len(tokens):
                return None
            value = tokens[i + 1]
            i += 1
        if not value or value.startswith("-"):
            return None
        pairs.append((name, value))
        i += 1
    return pairs, found, i


def run_call(call: Call) -> object:
    """What typer would do for this call: set the global options, run the command's body."""
    # The one body this run needs, loaded once the command is known (as cli/registry.py does).
    body = importlib.import_module(f"flaskprep.cli.{FAST_COMMANDS[call.command].module}")
    options.deck = call.deck
    options.color = call.color
    try:
        return body.run(**call.arguments)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\n")  # click writes this line before its Abort
        raise KeyboardInterrupt from None
