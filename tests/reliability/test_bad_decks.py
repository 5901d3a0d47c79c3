"""Bad decks: each one parses like a clean deck or is refused with one clear line, exit 2.

Every deck here goes through the real CLI (``browse``, ``browse --json``, ``search``)
and a few through the installed console script in a subprocess, so "never a
traceback" is checked where a user would see it.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import pathlib
from pathlib import Path
from typing import Any

import pytest

from flaskprep.errors import DeckError
from flaskprep.parsing import lint_deck
from flaskprep.parsing.lint import format_problem
from saved_progress import saved

from .support import (
    CLEAN_DECK,
    assert_ok,
    assert_refused,
    one_line,
    run,
    run_subprocess,
    seed_layout,
)


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _sections(path: Path) -> list[Any]:
    result = run("--deck", str(path), "browse", "--json")
    assert_ok(result)
    return list(json.loads(result.stdout)["sections"])


def _all_commands_survive(path: Path) -> None:
    """Reading, linting and a cram quiz: each succeeds or refuses in one line, exit 2."""
    commands: list[tuple[list[str], str]] = [
        (["--deck", str(path), "browse"], ""),
        (["--deck", str(path), "browse", "1"], ""),
        (["--deck", str(path), "search", "flask"], ""),
        (["--deck", str(path), "quiz", "--cram", "--count", "2"], "\n3\n\n3\n"),
        (["lint", str(path)], ""),
    ]
    for args, stdin in commands:
        result = run(*args, stdin=stdin)
        assert "Traceback" not in result.stderr + result.stdout, args
        if result.exit_code not in (0, 1):  # 1: search found nothing, lint found problems
            assert result.exit_code == 2, (args, result.exit_code, result.stderr[:300])
            one_line(result.stderr)
    _lint(path)


def _lint(path: Path) -> str:
    """Lint findings through the API (``lint_deck`` raises only ``DeckError``)."""
    try:
        return "\n".join(format_problem(str(path), problem) for problem in lint_deck(path))
    except DeckError as exc:
        return str(exc)


# --- parse like the clean file ------------------------------------------------------------


@pytest.fixture
def clean_sections(tmp_path: Path) -> list[Any]:
    return _sections(_write(tmp_path / "clean" / "deck.md", CLEAN_DECK))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8-bom.md", b"\xef\xbb\xbf" + CLEAN_DECK.encode("utf-8")),
        ("crlf.md", CLEAN_DECK.replace("\n", "\r\n").encode("utf-8")),
        ("bare-cr.md", CLEAN_DECK.replace("\n", "\r").encode("utf-8")),
        ("utf16.md", CLEAN_DECK.encode("utf-16")),  # native order, with BOM
        ("utf16-le.md", b"\xff\xfe" + CLEAN_DECK.encode("utf-16-le")),
        ("utf16-be.md", b"\xfe\xff" + CLEAN_DECK.encode("utf-16-be")),
        ("utf16-crlf.md", CLEAN_DECK.replace("\n", "\r\n").encode("utf-16")),
    ],
)
def test_encodings_and_newlines_parse_like_clean(
    tmp_path: Path, clean_sections: list[Any], name: str, data: bytes
) -> None:
    assert _sections(_write(tmp_path / name, data)) == clean_sections


def test_path_with_spaces_and_non_ascii(tmp_path: Path, clean_sections: list[Any]) -> None:
    path = _write(tmp_path / "my decks ünïcødé 日本" / "flask prep é.md", CLEAN_DECK)
    assert _sections(path) == clean_sections
    assert_ok(run("--deck", str(path), "search", "blueprint"))
    assert_ok(run("--deck", str(path), "show", "1.1"))


# --- refuse clearly --------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.md"
    line = assert_refused(run("--deck", str(path), "browse"), "nope.md")
    assert "no such file" in line


def test_folder_without_decks(tmp_path: Path) -> None:
    folder = tmp_path / "empty folder"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a deck\n")
    for args in (["browse"], ["search", "flask"]):
        assert_refused(run("--deck", str(folder), *args), "empty folder")


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.md", b"", "empty"),
        ("blank.md", b"  \n\n\t\n", "empty"),
        ("bom-only.md", b"\xef\xbb\xbf", "empty"),
        ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("nul.md", CLEAN_DECK.encode() + b"\x00\x00junk", "binary"),
    ],
)
def test_unreadable_contents_refused(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    path = _write(tmp_path / name, data)
    for args in (["browse"], ["search", "flask"]):
        line = assert_refused(run("--deck", str(path), *args), name)
        assert says in line.lower()


def test_contents_list_only(tmp_path: Path) -> None:
    toc = CLEAN_DECK.split("---")[0]
    path = _write(tmp_path / "toc.md", toc)
    line = assert_refused(run("--deck", str(path), "browse"), "toc.md")
    assert "question" in line.lower()


def test_latin1_refused_naming_byte_offset(tmp_path: Path) -> None:
    text = CLEAN_DECK.replace("lightweight", "légère")
    path = _write(tmp_path / "latin1.md", text.encode("latin-1"))
    offset = text.encode("latin-1").index("é".encode("latin-1"))
    line = assert_refused(run("--deck", str(path), "browse"), "latin1.md")
    assert f"byte {offset}" in line
    assert "UTF-8" in line


def test_broken_utf16_refused_naming_offset(tmp_path: Path) -> None:
    path = _write(tmp_path / "odd.md", b"\xff\xfe" + CLEAN_DECK.encode("utf-16-le") + b"\x00\xd8")
    line = assert_refused(run("--deck", str(path), "browse"), "odd.md")
    assert "byte" in line


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads 0o000 files, so make every way of opening this one file fail as EACCES."""
    path = _write(tmp_path / "secret.md", CLEAN_DECK)

    def denied(file: Any) -> bool:
        return str(file) == str(path)

    real_open, real_os_open, real_path_open = builtins.open, os.open, pathlib.Path.open

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if denied(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def fake_os_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if denied(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_os_open(file, *args, **kwargs)

    def fake_path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if denied(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(pathlib.Path, "open", fake_path_open)
    line = assert_refused(run("--deck", str(path), "browse"), "secret.md")
    assert "permission denied" in line.lower()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a 0o000 file")
def test_permission_denied_real(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.md", CLEAN_DECK)
    path.chmod(0)
    assert_refused(run("--deck", str(path), "browse"), "secret.md")


def test_console_script_refuses_without_traceback(tmp_path: Path) -> None:
    """The installed script, as a separate process: one line, exit 2, for each bad deck."""
    cases = {
        "missing.md": None,
        "empty.md": b"",
        "png.md": b"\x89PNG\r\n\x1a\n" + bytes(64),
        "latin1.md": "# T\n\n## 1. S\n- Qué?\n  - **Answer:** sí\n".encode("latin-1"),
    }
    for name, data in cases.items():
        path = tmp_path / name
        if data is not None:
            _write(path, data)
        proc = run_subprocess("--deck", str(path), "browse")
        assert proc.returncode == 2, (name, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert name in one_line(proc.stderr)


# --- survive: odd but parseable ---------------------------------------------------------------


@pytest.mark.slow
def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    long_question = "why " * (10 * 1024 * 1024 // 4)
    text = (
        f"# Big\n\n## 1. One\n- {long_question}?\n  - **Answer:** because.\n"
        "- Short one?\n  - **Answer:** yes.\n"
    )
    path = _write(tmp_path / "long-line.md", text)
    _all_commands_survive(path)
    sections = _sections(path)
    assert [q["question"] for q in sections[0]["questions"]][1] == "Short one?"


@pytest.mark.slow
def test_ten_megabyte_line_without_structure_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "blob.md", "x" * (10 * 1024 * 1024))
    assert_refused(run("--deck", str(path), "browse"), "blob.md")


@pytest.mark.slow
def test_hundred_thousand_questions(tmp_path: Path) -> None:
    path = _write(tmp_path / "huge.md", seed_layout(1000, 100))
    sections = _sections(path)
    assert len(sections) == 1000
    assert sum(len(s["questions"]) for s in sections) == 100_000
    result = run("--deck", str(path), "search", "topic 999-100")
    assert_ok(result)


def test_lists_nested_a_thousand_deep(tmp_path: Path) -> None:
    nested = "\n".join("  " * depth + f"- level {depth}" for depth in range(1000))
    text = f"# Deep\n\n## 1. Deep\n- Top question?\n  - **Answer:** fine.\n{nested}\n"
    path = _write(tmp_path / "deep.md", text)
    _all_commands_survive(path)
    assert _sections(path)[0]["questions"][0]["question"] == "Top question?"


def test_quote_and_list_nesting_mixed_deep(tmp_path: Path) -> None:
    nested = "".join("> - " * 500) + "deep\n"
    path = _write(tmp_path / "quotes.md", f"# Q\n\n## 1. Q\n- Q?\n  - **Answer:** A.\n{nested}")
    _all_commands_survive(path)


def test_unclosed_code_fence(tmp_path: Path) -> None:
    text = CLEAN_DECK.replace(
        "Werkzeug and Jinja2.", "Werkzeug and Jinja2.\n\n    ```python\n    app = Flask(__name__)\n"
    )
    path = _write(tmp_path / "fence.md", text)
    _all_commands_survive(path)
    assert _sections(path)[0]["questions"][0]["question"] == "What is Flask?"


def test_unclosed_details(tmp_path: Path) -> None:
    text = CLEAN_DECK.replace(
        "- What is WSGI?", "<details>\n<summary>More</summary>\n\n- What is WSGI?"
    )
    path = _write(tmp_path / "details.md", text)
    _all_commands_survive(path)


def test_duplicate_questions_keep_distinct_ids(tmp_path: Path) -> None:
    text = CLEAN_DECK + "\n## 3. Again\n- What is Flask?\n  - **Answer:** Still a framework.\n"
    path = _write(tmp_path / "dupes.md", text)
    _all_commands_survive(path)
    questions = [q for s in _sections(path) for q in s["questions"]]
    flask = [q for q in questions if q["question"] == "What is Flask?"]
    assert len(flask) == 2
    assert flask[0]["id"] != flask[1]["id"]
    assert "duplicate question" in _lint(path)
    assert "duplicate question" in run("lint", str(path)).stdout


def test_answer_without_question(tmp_path: Path) -> None:
    text = "# Orphans\n\n## 1. S\n  - **Answer:** lost answer\n- Real?\n  - **Answer:** yes\n"
    path = _write(tmp_path / "orphan.md", text)
    _all_commands_survive(path)
    assert "orphan.md:4:" in _lint(path)


def test_question_without_answer_parses(tmp_path: Path) -> None:
    text = "# Q\n\n## 1. S\n- Unanswered?\n- Answered?\n  - **Answer:** yes\n"
    path = _write(tmp_path / "unanswered.md", text)
    _all_commands_survive(path)
    questions = _sections(path)[0]["questions"]
    assert [q["question"] for q in questions] == ["Unanswered?", "Answered?"]


def test_survivors_in_a_subprocess(tmp_path: Path) -> None:
    path = _write(tmp_path / "fence.md", CLEAN_DECK.replace("Jinja2.", "Jinja2.\n    ```\n    x"))
    proc = run_subprocess("--deck", str(path), "browse", "1")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """``caf\\xe9.md`` (a Latin-1 name): every command works and progress stays UTF-8 JSON."""
    folder = tmp_path / "decks"
    folder.mkdir()
    deck = folder / os.fsdecode(b"caf\xe9.md")
    deck.write_bytes(CLEAN_DECK.encode())
    path = str(deck)
    for args, stdin in (
        (["quiz", "--count", "2"], "\n3\n\n2\n"),
        (["interview", "--count", "1", "--seed", "1"], "a microframework\n"),
        (["stats"], ""),
        (["browse", "--json"], ""),
        (["export", "--format", "json"], ""),
        (["search", "blueprint"], ""),
    ):
        assert_ok(run("--deck", path, *args, stdin=stdin))
    assert_ok(run("--deck", str(folder), "decks"))
    progress = saved()
    [key] = progress["decks"]
    assert key.endswith("caf\\xe9.md")
    assert len(progress["decks"][key]["reviews"]) == 3
