"""Reading deck files: encodings and newlines accepted, everything else refused in one line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from flaskprep.errors import DeckError
from flaskprep.parsing import parse_deck, read_deck_text, reading

DECK = "# T\n\n## 1. S\n- What is Flask?\n  - **Answer:** A microframework.\n"


def write(tmp_path: Path, data: bytes, name: str = "deck.md") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(DeckError) as caught:
        read_deck_text(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_plain_utf8(tmp_path: Path) -> None:
    assert read_deck_text(write(tmp_path, DECK.encode())) == DECK


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    assert read_deck_text(write(tmp_path, codecs.BOM_UTF8 + DECK.encode())) == DECK


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    data = DECK.replace("\n", "\r\n").encode()
    assert read_deck_text(write(tmp_path, data)) == DECK


def test_bare_cr_becomes_lf(tmp_path: Path) -> None:
    data = DECK.replace("\n", "\r").encode()
    assert read_deck_text(write(tmp_path, data)) == DECK


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    data = bom[encoding] + DECK.replace("\n", "\r\n").encode(encoding)
    assert read_deck_text(write(tmp_path, data)) == DECK


def test_non_ascii_text_survives(tmp_path: Path) -> None:
    text = DECK.replace("A microframework", "Werkzeug’s “micro” café")
    assert "Werkzeug’s “micro” café" in read_deck_text(write(tmp_path, text.encode()))


def test_latin1_refused_with_byte_offset_and_line(tmp_path: Path) -> None:
    data = DECK.replace("microframework", "micro café").encode("latin-1")
    offset = data.index(b"\xe9")
    message = refusal(write(tmp_path, data))
    assert f"not valid UTF-8 at byte {offset} (line 5)" in message
    assert "save it as UTF-8" in message


def test_png_refused_as_binary(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    assert "looks like a binary file, not Markdown" in refusal(write(tmp_path, data, "x.md"))


def test_nul_bytes_refused_as_binary(tmp_path: Path) -> None:
    assert "binary" in refusal(write(tmp_path, DECK.encode() + b"\x00\x01"))


@pytest.mark.parametrize("data", [b"", b" \n\n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_refused(tmp_path: Path, data: bytes) -> None:
    assert "is empty" in refusal(write(tmp_path, data))


def test_folder_refused(tmp_path: Path) -> None:
    assert "is a folder" in refusal(tmp_path)


def test_missing_file_refused(tmp_path: Path) -> None:
    assert "no such file" in refusal(tmp_path / "nope.md")


def test_permission_denied_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, DECK.encode())

    def denied(path: Path, limit: int) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(reading, "read_regular", denied)
    assert "permission denied" in refusal(path)


def test_broken_utf16_names_the_byte(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + DECK.encode("utf-16-le") + b"\x00\xd8"
    assert "byte" in refusal(write(tmp_path, data))


def test_deck_without_questions_refused_with_layout_hint(tmp_path: Path) -> None:
    path = write(tmp_path, b"# Notes\n\nJust some prose.\n")
    with pytest.raises(DeckError) as caught:
        parse_deck(path)
    assert "no questions found" in str(caught.value)
    assert caught.value.hint is not None
    assert "Answer" in caught.value.hint
    assert "<details>" in caught.value.hint


def test_importing_the_package_does_not_import_markdown_it() -> None:
    import subprocess
    import sys

    code = "import sys, flaskprep.parsing; print('markdown_it' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False"
