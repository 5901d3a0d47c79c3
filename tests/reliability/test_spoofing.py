"""Deck text is cleaned after rendering: entities cannot smuggle invisible characters.

Markdown decodes ``&#x202E;`` (right-to-left override), ``&#x200B;`` (zero-width
space), tag characters and line separators after the deck text was cleaned. Such a
character can make ``gnp.exe`` read as ``exe.png`` or hide words from the reader.
Every path to the terminal must drop them: reading commands, the quiz in its modes,
the interview, ``check``, and shell-completion descriptions.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from .support import run, run_tty

ENTITIES = "&#x202E; &#x2066; &#x200B; &#8203; &#x200D; &#xE0041; &#x2028; &#8233; &shy; &lrm;"
RAW = "\u202e \u200b \u2069 \U000e0062 \u2029 \ufeff \u00ad"
SPOOF_DECK = f"""# Spoof {ENTITIES}

## 1. Basics {ENTITIES}
- What is a blueprint gnp.exe {ENTITIES}?
  - **Answer:** A blueprint {ENTITIES} groups routes; raw {RAW} too.
- Why use an application factory {ENTITIES}?
  - **Answer:** Answer with a list:
    - first {ENTITIES} item
    - second item `code {ENTITIES}`

## 2. More {RAW}
- What does url_for do {RAW}?
  - **Answer:** Builds a URL for an endpoint {ENTITIES}.
"""
INVISIBLE = re.compile(
    "[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u2028\u2029]|[\U000e0000-\U000e007f]"
)


def assert_no_invisible(output: str, context: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in INVISIBLE.findall(output)})
    assert not found, f"{context}: {found} reached the terminal"


@pytest.fixture
def spoof(tmp_path: Path) -> Path:
    path = tmp_path / "spoof.md"
    path.write_text(SPOOF_DECK, encoding="utf-8")
    return path


COMMANDS: list[tuple[list[str], str]] = [
    (["browse"], ""),
    (["browse", "1"], ""),
    (["show", "1.1"], ""),
    (["show", "1.2"], ""),
    (["search", "blueprint", "--answers"], ""),
    (["check", "1.1", "a blueprint groups routes"], ""),
    (["quiz", "--cram", "--count", "3"], "\n3\n\n3\n\n3\n"),
    (["quiz", "--cram", "--mode", "type", "--count", "2"], "routes\n\nx\n\n"),
    (["quiz", "--cram", "--mode", "choice", "--count", "2"], "1\n\n1\n\n"),
    (["quiz", "--cram", "--mode", "cloze", "--count", "2"], "x\n\nx\n\n"),
    (["interview", "--count", "2"], "blueprint routes\nfactory\n"),
    (["decks"], ""),
    (["lint"], ""),
]


@pytest.mark.parametrize("args,stdin", COMMANDS, ids=[" ".join(c[0]) for c in COMMANDS])
@pytest.mark.parametrize("color", ["always", "never"])
def test_no_invisible_character_reaches_the_terminal(
    spoof: Path, args: list[str], stdin: str, color: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGER", "cat")
    result = run_tty("--color", color, "--deck", str(spoof), *args, stdin=stdin)
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 1), result.stderr[-500:]
    assert_no_invisible(result.stdout + result.stderr, " ".join(args))


def test_the_words_around_them_are_kept(spoof: Path) -> None:
    shown = run("--color", "never", "--deck", str(spoof), "show", "1.1").stdout
    assert "gnp.exe" in shown
    assert "groups routes" in shown


def test_json_escapes_them(spoof: Path) -> None:
    output = run("--deck", str(spoof), "browse", "--json").stdout
    assert_no_invisible(output, "browse --json")
    assert "\\u200b" in output  # escaped, so nothing is lost


def test_completion_descriptions_are_clean(tmp_path: Path) -> None:
    """zsh shows each candidate's description as it is, escapes included."""
    deck = tmp_path / "escape.md"
    deck.write_text(
        "# D\n\n## 1. Title \x1b]0;pwned\x07 \x1b[2J \u202e here\n"
        "- What is \x1b[31mred\x1b[0m \u200b x?\n  - **Answer:** y\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "_FLASKPREP_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": "flaskprep browse ",
        "COMP_WORDS": "flaskprep browse ",
        "COMP_CWORD": "2",
        "FLASKPREP_DECK": str(deck),
    }
    code = "import sys; from flaskprep.cli import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in done.stderr
    assert "Title" in done.stdout, done.stdout
    assert "\x1b" not in done.stdout
    assert_no_invisible(done.stdout, "zsh completion")


def test_every_format_character_is_known() -> None:
    """The cleaner's list of format characters covers this Python's Unicode tables."""
    from flaskprep.ui.safe import clean, strip_invisible

    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cf", "Zl", "Zp") and strip_invisible(chr(code))
    ]
    assert not missing
    assert clean("a\u200bb\u2028c\u202ed") == "ab c\\u202ed"
