"""An Anki package (``.apkg``) through the optional ``genanki`` extra: ``flaskprep[anki]``.

Notes carry the same HTML fields, tags and guids as the text export, so an
``.apkg`` and a text import of one deck update the same notes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flaskprep.errors import FlaskprepError
from flaskprep.export import ANKI_NOTE_TYPE, anki_rows
from flaskprep.model import Deck

# Fixed once: Anki identifies a note type by this id, so it must never change.
MODEL_ID = 1_607_392_319
MODEL_NAME = ANKI_NOTE_TYPE
_CARD_STYLE = ".card { font-family: sans-serif; font-size: 18px; text-align: left; }"


def _genanki() -> Any:
    try:
        import genanki
    except ImportError:
        raise FlaskprepError(
            "--format apkg needs the optional genanki package",
            hint="install flaskprep[anki], e.g. `pipx inject flaskprep genanki`",
        ) from None
    return genanki


def deck_id(deck: Deck) -> int:
    """A stable Anki deck id from the deck's identity (Anki wants 1 << 30 .. 1 << 31)."""
    digest = hashlib.sha256(deck.key.encode("utf-8", "surrogatepass")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def write_apkg(deck: Deck, target: Path, rewordings: Mapping[str, str] | None = None) -> int:
    """Write ``deck`` as an Anki package to ``target``; returns the number of notes."""
    genanki = _genanki()
    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=_CARD_STYLE,
    )
    package_deck = genanki.Deck(deck_id(deck), " ".join(deck.title.split()) or "flaskprep")
    rows = anki_rows(deck, rewordings)
    for front, back, tag, guid in rows:
        package_deck.add_note(
            genanki.Note(model=model, fields=[front, back], tags=[tag], guid=guid)
        )
    try:
        genanki.Package(package_deck).write_to_file(str(target))
    except OSError as exc:
        raise FlaskprepError(f"{target}: cannot write: {exc.strerror or exc}") from None
    return len(rows)
