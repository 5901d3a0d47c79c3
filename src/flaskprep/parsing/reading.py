"""Read a deck file into text: BOMs, UTF-16, newlines, and clear refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

from flaskprep.errors import DeckError, NoQuestionsError
from flaskprep.regular_file import UnusableFile, read_regular

MAX_DECK_BYTES = 64 * 1024 * 1024
_BINARY_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x7fELF",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_deck_text(path: Path) -> str:
    """The deck's text with any BOM removed and newlines normalised to ``\\n``."""
    return normalise_newlines(decode_deck(path, _read_bytes(path)))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise DeckError(name, "is a folder, not a Markdown file")
        return read_regular(path, MAX_DECK_BYTES)
    except UnusableFile as exc:
        raise DeckError(name, exc.reason) from None
    except FileNotFoundError:
        raise DeckError(name, "no such file") from None
    except PermissionError:
        raise DeckError(name, "permission denied") from None
    except IsADirectoryError:
        raise DeckError(name, "is a folder, not a Markdown file") from None
    except OSError as exc:
        raise DeckError(name, f"cannot be read ({exc.strerror or exc})") from None


def decode_deck(path: Path, raw: bytes) -> str:
    name = str(path)
    if not raw.strip():
        raise NoQuestionsError(name, "is empty")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode(name, raw[len(bom) :], encoding, len(bom))
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw:
        raise DeckError(name, "looks like a binary file, not Markdown")
    return _decode(name, raw, "utf-8", 0)


def _decode(name: str, raw: bytes, encoding: str, skipped: int) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + skipped
        if encoding != "utf-8":
            raise DeckError(name, f"not valid {encoding.upper()} at byte {offset}") from None
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"not valid UTF-8 at byte {offset} (line {line}); save it as UTF-8"
        raise DeckError(name, message) from None
    if not text.strip():
        raise NoQuestionsError(name, "is empty")
    if "\x00" in text:
        raise DeckError(name, "looks like a binary file, not Markdown")
    return text
