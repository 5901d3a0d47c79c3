"""Start-up stays fast: commands do not import modules they do not need.

Each case runs the console script's function in a fresh interpreter and lists
``sys.modules`` after it returns. Deterministic: no timing, only which modules
were loaded (timings: bench/run).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

DRIVER = """
import sys
from flaskprep.cli import main
sys.argv = ["flaskprep", *sys.argv[1:]]
code = main()
sys.stdout.flush()
loaded = sorted(sys.modules)
import json
sys.stderr.write("\\nMODULES " + json.dumps({"code": int(code), "modules": loaded}) + "\\n")
"""

NEVER_FOR_VERSION = (
    "typer",
    "click",
    "rich",
    "markdown_it",
    "fsrs",
    "platformdirs",
    "pydantic",
    "pathlib",
    "dataclasses",
)
NEVER_FOR_WARM_SEARCH = (
    "typer",
    "click",
    "markdown_it",
    "fsrs",
    "filelock",
    "pydantic",
    "rich.markdown",
    "rich.syntax",
    "pygments",
    "flaskprep.parsing.build",
    "flaskprep.parsing.outline",
    "flaskprep.grading",
    "flaskprep.answer_terms",
    "flaskprep.contrast",
    "flaskprep.words.related",
    "flaskprep.scheduling",
    "flaskprep.store",
    "flaskprep.documents",
    "flaskprep.parsing.lint",
    "html",
)


def loaded_modules(*args: str) -> tuple[int, set[str]]:
    """Exit code and every module imported by ``flaskprep ARGS`` in a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, *args], capture_output=True, text=True, check=False
    )
    assert "\nMODULES " in done.stderr, done.stderr
    report = json.loads(done.stderr.rpartition("\nMODULES ")[2])
    return report["code"], set(report["modules"])


def imported(modules: set[str], banned: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules for b in banned if m == b or m.startswith(b + "."))


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_imports_no_command_layer(flag: str) -> None:
    code, modules = loaded_modules(flag)
    assert code == 0
    assert imported(modules, NEVER_FOR_VERSION) == []
    assert sorted(m for m in modules if m.startswith("flaskprep")) == [
        "flaskprep",
        "flaskprep.cli",
        "flaskprep.cli.streams",
        "flaskprep.errors",
        "flaskprep.user_number",
    ]


def test_warm_search_imports_no_parser_quiz_or_markdown() -> None:
    first_code, _ = loaded_modules("search", "blueprint")  # fills the deck cache
    code, modules = loaded_modules("search", "blueprint")
    assert (first_code, code) == (0, 0)
    assert imported(modules, NEVER_FOR_WARM_SEARCH) == []


def test_cold_search_parses_without_quiz_modules() -> None:
    code, modules = loaded_modules("search", "blueprint")
    assert code == 0
    assert imported(modules, ("fsrs", "filelock", "pydantic", "flaskprep.scheduling")) == []


def test_registry_names_the_module_of_every_command() -> None:
    import typer.main

    from flaskprep.cli.registry import COMMAND_MODULES, app_for

    commands = typer.main.get_command(app_for(None)).commands  # type: ignore[attr-defined]
    assert set(commands) == set(COMMAND_MODULES)


@pytest.mark.parametrize("command", ["quiz", "browse", "stats", "lint", "export"])
def test_a_command_registers_only_its_own_module(command: str) -> None:
    code = (
        "import sys, typer.main\n"
        "from flaskprep.cli.registry import COMMAND_MODULES, app_for\n"
        f"app = app_for({command!r})\n"
        f"assert {command!r} in typer.main.get_command(app).commands\n"
        "own = {m for m in sys.modules if m.startswith('flaskprep.cli.') and m.endswith('_cmd')}\n"
        f"print(sorted(own))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    from flaskprep.cli.registry import COMMAND_MODULES

    assert f"flaskprep.cli.{COMMAND_MODULES[command]}" in done.stdout
    assert done.stdout.count("_cmd") <= 2  # its module, and one it may import itself


@pytest.mark.parametrize(
    ("command", "banned"),
    [
        (
            ("stats",),
            ("typer", "click", "flaskprep.grading", "flaskprep.interview", "flaskprep.search"),
        ),
        (("stats", "--json"), ("typer", "click")),
        (("quiz", "--count", "1"), ("typer", "click", "flaskprep.interview", "flaskprep.search")),
        (("decks",), ("flaskprep.grading", "flaskprep.export", "fsrs", "flaskprep.learn.session")),
        (("config", "--path"), ("flaskprep.store", "flaskprep.grading", "fsrs")),
    ],
)
def test_a_command_loads_what_it_uses_not_its_neighbours(
    command: tuple[str, ...], banned: tuple[str, ...]
) -> None:
    code, modules = loaded_modules(*command)
    assert code == 0
    assert imported(modules, banned) == []
