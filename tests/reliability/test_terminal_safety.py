"""A hostile deck never reaches the terminal as control sequences, in any command.

Each command's output is rendered with colour forced (``--color always`` and
``FORCE_COLOR=1``) into a buffer; every escape sequence in it must be one
flaskprep itself emits: SGR styling (``ESC [ ... m``) or an OSC 8 hyperlink to a
resource URL. Deck text (Rich markup, CSI, OSC 52, OSC 8, bidi overrides) must
show up literally instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import one_line, run, run_tty

OSC52 = "\x1b]52;c;ZXZpbA==\x07"
OSC8 = "\x1b]8;;http://evil.example/\x07click me\x1b]8;;\x07"
CLEAR = "\x1b[2J\x1b[H"
BIDI = "\u202e"
C1_CSI = "\x9b2J"

HOSTILE_DECK = f"""# Evil [bold red]deck[/bold red] {CLEAR}

## 1. Fundamentals [bold red]x[/bold red] {OSC52}
- What is [bold red]Flask[/bold red] blueprint {CLEAR} {BIDI}gnp.exe?
  - **Answer:** [link=http://evil.example]blueprint[/link] {OSC8} {OSC52} {BIDI}txt.exe
    and `code {CLEAR}` {C1_CSI} end.
- Why use a blueprint [bold red]here[/bold red]?
  - **Answer:** Blueprint\x07bell {BIDI} and \x1bc reset and \x1b[6n query [bold red]x[/bold red].

## 2. Second {BIDI}
- Plain blueprint question [bold red]two[/bold red]?
  - **Answer:** Plain blueprint answer with \x1b]0;title\x07 a title change.

---

### Additional Resources
- [Flask {CLEAR} docs [bold red]x[/bold red]](https://flask.palletsprojects.com/)
- [Evil {OSC52}](https://evil.example/{BIDI})
- [Plain link](http://evil.example/plain)
- [Script](javascript:alert(1))
- [Local file](file:///etc/passwd)
- [Old school](ftp://evil.example/x)
"""

# CSI (7-bit and C1), OSC (terminated by BEL or ST), other two-byte ESC sequences.
ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
)
SGR = re.compile(r"\x1b\[[0-9;]*m")
OSC8_LINK = re.compile(r"\x1b\]8;[^;\x07\x1b]*;([^\x07\x1b]*)(?:\x07|\x1b\\)")
# flaskprep links resources itself, and only plain http(s) URLs.
ALLOWED_LINKS = {"", "https://flask.palletsprojects.com/", "http://evil.example/plain"}
RAW_FORBIDDEN = ["\x00", "\x07", BIDI, "\u202d", "\u2066", "\x9b", "\x90", "\x9d"]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_DECK, encoding="utf-8")
    return path


def assert_terminal_safe(output: str, *, context: str) -> None:
    for seq in ESCAPE.findall(output):
        if SGR.fullmatch(seq):
            continue
        link = OSC8_LINK.fullmatch(seq)
        assert link is not None, f"{context}: foreign escape {seq!r}"
        assert link.group(1) in ALLOWED_LINKS, f"{context}: deck-made link {seq!r}"
    stripped = ESCAPE.sub("", output)
    for char in RAW_FORBIDDEN:
        assert char not in stripped, f"{context}: raw {char!r} in output"


def _outputs(deck: Path, *args: str, stdin: str = "") -> list[tuple[str, str]]:
    """stdout+stderr for ``args`` under --color always, and under FORCE_COLOR=1."""
    forced = run("--color", "always", "--deck", str(deck), *args, stdin=stdin)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FORCE_COLOR", "1")
        env = run("--deck", str(deck), *args, stdin=stdin)
    for result in (forced, env):
        assert "Traceback" not in result.stderr, result.stderr
        assert result.exit_code in (0, 1), (args, result.exit_code, result.stderr[:300])
    return [
        (f"{args} --color always", forced.stdout + forced.stderr),
        (f"{args} FORCE_COLOR=1", env.stdout + env.stderr),
    ]


READING_COMMANDS = [
    ["browse"],
    ["browse", "1"],
    ["browse", "2"],
    ["show", "1.1"],
    ["show", "1.2"],
    ["search", "blueprint"],
    ["search", "blueprint", "--answers"],
    ["search", "flask"],
    ["resources"],
]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=" ".join)
def test_reading_commands_show_deck_text_literally(hostile: Path, args: list[str]) -> None:
    outputs = _outputs(hostile, *args)
    for context, output in outputs:
        assert_terminal_safe(output, context=context)
    shown = ESCAPE.sub("", outputs[0][1])
    assert "[bold red]" in shown or "bold red" in shown, shown[:500]


def test_resources_link_only_plain_web_urls(hostile: Path) -> None:
    output = run("--color", "always", "--deck", str(hostile), "resources").stdout
    links = {m.group(1) for m in OSC8_LINK.finditer(output)} - {""}
    assert links <= ALLOWED_LINKS
    assert "ftp://evil.example/x" in ESCAPE.sub("", output)  # listed, but not clickable
    assert not any(link.startswith(("javascript:", "file:", "ftp:")) for link in links)


def test_markup_is_shown_literally_in_show(hostile: Path) -> None:
    result = run("--color", "always", "--deck", str(hostile), "show", "1.1")
    text = ESCAPE.sub("", result.stdout)
    assert "[bold red]Flask[/bold red]" in text
    assert "[link=http://evil.example]" in text
    assert "\\x1b[2J" in text  # made visible, not executed
    assert "\\u202e" in text


@pytest.mark.parametrize("fmt", ["anki", "csv", "markdown", "json"])
def test_export_to_a_terminal_is_safe(
    hostile: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fmt == "markdown":
        pytest.importorskip("flaskprep.parsing.writer")
    monkeypatch.setenv("PAGER", "cat")
    result = run_tty("--color", "always", "--deck", str(hostile), "export", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert_terminal_safe(result.stdout + result.stderr, context=f"export {fmt} to a terminal")


def test_error_lines_naming_a_hostile_path_are_clean(tmp_path: Path) -> None:
    path = tmp_path / f"evil{CLEAR}{BIDI}.md"
    result = run("--color", "always", "--deck", str(path), "browse")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert_terminal_safe(line, context="error line")
    assert "evil" in line


def test_search_query_echo_is_clean(hostile: Path) -> None:
    result = run("--color", "always", "--deck", str(hostile), "search", f"zzqx{CLEAR}{BIDI}")
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr
    assert_terminal_safe(result.stdout + result.stderr, context="no-match line")


TYPED = f"blueprint {OSC52}{CLEAR}{BIDI}\x00 [bold red]typed[/bold red]"
INTERACTIVE_COMMANDS = [
    (["quiz", "--count", "3"], "\n3\n\n2\n\n1\n"),
    (["quiz", "--mode", "choice", "--seed", "1", "--count", "3"], "1\n\n2\n\n3\n\n"),
    (["quiz", "--mode", "truefalse", "--seed", "2", "--count", "3"], "t\n\nf\n\nt\n\n"),
    (["quiz", "--mode", "cloze", "--cram", "--seed", "3", "-n", "2"], f"{TYPED}\n\n{TYPED}\n\n"),
    (["quiz", "--mode", "type", "--cram", "--count", "2"], f"{TYPED}\n\n{TYPED}\n\n"),
    (["quiz", "--mode", "mixed", "--seed", "4", "--cram", "--count", "3"], "\n3\n1\n\n\n3\n"),
    (["interview", "--count", "3", "--seed", "1"], f"{TYPED}\n{TYPED}\n\n"),
    (["check", "1.1", TYPED], ""),
    (["check", "1.2", "-"], TYPED + "\n"),
]


@pytest.mark.parametrize(("args", "stdin"), INTERACTIVE_COMMANDS, ids=lambda a: str(a)[:40])
def test_study_commands_show_deck_and_typed_text_literally(
    hostile: Path, args: list[str], stdin: str
) -> None:
    outputs = _outputs(hostile, *args, stdin=stdin)
    for context, output in outputs:
        assert_terminal_safe(output, context=context)
    assert "bold red" in ESCAPE.sub("", outputs[0][1])


def test_stats_after_study_is_safe(hostile: Path) -> None:
    run("--deck", str(hostile), "quiz", "--count", "3", stdin="\n3\n\n1\n\n4\n")
    run("--deck", str(hostile), "interview", "--count", "2", "--seed", "1", stdin=f"{TYPED}\nx\n")
    for args in (["stats"], ["decks"], ["lint", str(hostile)]):
        for context, output in _outputs(hostile, *args):
            assert_terminal_safe(output, context=context)
    shown = ESCAPE.sub("", _outputs(hostile, "stats")[0][1])
    assert "[bold red]" in shown


def test_lint_of_a_hostile_file_name_is_safe(tmp_path: Path) -> None:
    path = tmp_path / f"notes{CLEAR}{BIDI}.md"
    path.write_text(f"# T\n\n## 1. S\n  - **Answer:** orphan {OSC52}\n- Q {OSC8}?\n")
    result = run("--color", "always", "lint", str(path))
    assert "Traceback" not in result.stderr
    assert_terminal_safe(result.stdout + result.stderr, context="lint")
    assert "notes" in result.stdout + result.stderr
