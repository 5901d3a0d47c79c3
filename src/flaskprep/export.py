"""Write a deck in other formats: Anki text import, CSV, JSON and the seed's Markdown.

Every writer is pure (a deck in, a string out); the command layer decides where
the string goes. The Anki format follows Anki's manual, "Importing > Text Files >
File Headers" (Anki 2.1.54+): ``#key:value`` header lines, then one note per line.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from flaskprep.model import Deck, Section

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Format = Literal["anki", "apkg", "csv", "json", "markdown"]
FORMATS: tuple[Format, ...] = ("anki", "apkg", "csv", "json", "markdown")
TAG_PREFIX = "flaskprep::"
ANKI_COLUMNS = ("Front", "Back", "Tags", "GUID")
ANKI_NOTE_TYPE = "flaskprep Basic"
"""One note type for the text export and the ``.apkg`` (which defines it)."""
ANKI_FIELD_STYLE = "text-align: left"

_PRE_BLOCK = re.compile(r"<pre>.*?</pre>", re.DOTALL)
_TAG_UNSAFE = re.compile(r"[^\w\-.+]", re.UNICODE)


def subset(deck: Deck, indexes: Sequence[int]) -> Deck:
    """The deck with only the sections at ``indexes`` (all when empty), renumbered."""
    if not indexes:
        return deck
    sections = tuple(
        dataclasses.replace(
            deck.sections[old],
            questions=tuple(
                dataclasses.replace(q, section_index=new) for q in deck.sections[old].questions
            ),
        )
        for new, old in enumerate(sorted(set(indexes)))
    )
    return Deck.build(deck.title, deck.path, sections, deck.resources, deck.key)


# --- Anki -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # html=False: raw HTML in deck text is escaped, so a deck cannot put a script into Anki.
    md = MarkdownIt("commonmark", {"html": False})
    md.add_render_rule("image", _image_or_its_text)
    return md


_LOCAL_IMAGE = re.compile(r"[\w\-. ]+\.(?:png|jpe?g|gif|svg|webp)", re.IGNORECASE)


def _image_or_its_text(self: object, tokens: Sequence[Token], idx: int, *_: object) -> str:
    """An image Anki would fetch from the network when the card is shown (a tracking
    pixel) becomes its alt text; only a bare file name, which Anki looks up in its own
    media folder, stays an image."""
    from html import escape

    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = escape("".join(child.content for child in token.children or []))
    if _LOCAL_IMAGE.fullmatch(src):
        return f'<img src="{escape(src)}" alt="{alt}">'
    return f"[image: {alt}]" if alt else "[image]"


def to_html(text: str, *, inline: bool = False) -> str:
    """Deck Markdown as one line of HTML: no raw tab or newline, code blocks keep lines."""
    md = _markdown()
    html = md.renderInline(text) if inline else md.render(text)
    html = _PRE_BLOCK.sub(lambda m: m.group().replace("\n", "<br>"), html)
    html = html.replace("\t", "    ").replace("\r", "").replace("\n", " ").strip()
    # A row starting with "#" would be read by Anki as a comment or header line.
    return "&#35;" + html[1:] if html.startswith("#") else html


def anki_tag(section: Section) -> str:
    """``flaskprep::Routing_and_Views``: Anki tags are space-separated, so no spaces."""
    words = "_".join(section.title.split())
    return TAG_PREFIX + (_TAG_UNSAFE.sub("", words) or "section")


def anki_guid(question_id: str, rewordings: Mapping[str, str] | None = None) -> str:
    """One note per question: the id of its first wording, whatever the deck file is called.

    ``rewordings`` maps a reworded question's id to the id it took its progress from
    (as the progress store records it), so a reworded question updates its old note.
    """
    seen = {question_id}
    moves = rewordings or {}
    while (earlier := moves.get(question_id)) is not None and earlier not in seen:
        seen.add(earlier)
        question_id = earlier
    return f"flaskprep-{question_id}"


def anki_rows(
    deck: Deck, rewordings: Mapping[str, str] | None = None
) -> list[tuple[str, str, str, str]]:
    """One (front, back, tags, guid) row per question, fields already HTML and left-aligned."""
    return [
        (
            _left(to_html(question.text, inline=True)),
            _left(to_html(question.answer)) if question.answered else "",
            anki_tag(section),
            anki_guid(question.id, rewordings),
        )
        for section in deck.sections
        for question in section.questions
    ]


def _left(html: str) -> str:
    """The card style inline, so a text import into a centring note type keeps code indented."""
    return f'<div style="{ANKI_FIELD_STYLE}">{html}</div>'


def to_anki_text(deck: Deck, rewordings: Mapping[str, str] | None = None) -> str:
    """Anki's plain-text import format, tab separated, HTML fields, tags and guid columns.

    Notes go to the ``.apkg``'s note type when the collection has it (import the
    ``.apkg`` once), else Anki falls back to ``Basic``; the style is inline either way."""
    title = " ".join(deck.title.split()) or "flaskprep"
    header = [
        "#separator:tab",
        "#html:true",
        f"#notetype:{ANKI_NOTE_TYPE}",
        f"#deck:{title}",
        "#columns:" + "\t".join(ANKI_COLUMNS),
        f"#tags column:{ANKI_COLUMNS.index('Tags') + 1}",
        f"#guid column:{ANKI_COLUMNS.index('GUID') + 1}",
    ]
    rows = ["\t".join(row) for row in anki_rows(deck, rewordings)]
    return "\n".join(header + rows) + "\n"


# --- CSV and Markdown (JSON is the `browse --json` document, built in the UI layer) ---


def to_csv(deck: Deck) -> str:
    """Header row ``id,section,question,answer``, one row per question (RFC 4180 quoting)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "section", "question", "answer"])
    for section in deck.sections:
        for question in section.questions:
            cells = (question.id, section.label, question.text, question.answer)
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return buffer.getvalue()


_FORMULA_START = tuple("=+-@\t\r\n＝＋－＠")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``@SUM``, ``-2+3``)
    gets a leading ``'``, as OWASP advises for CSV injection; others are left alone."""
    return "'" + cell if cell.lstrip(" ").startswith(_FORMULA_START) else cell


def to_markdown(deck: Deck) -> str:
    """The deck written back in the seed's layout (also converts other layouts)."""
    from flaskprep.parsing.writer import to_seed_markdown

    return to_seed_markdown(deck)


def file_encoding(fmt: Format) -> str:
    """CSV files get a BOM: Excel reads BOM-less CSV as the local code page and garbles
    ``Werkzeug’s``; LibreOffice, Google Sheets and ``csv`` with ``utf-8-sig`` all accept it.
    Standard output never gets one, so pipes stay clean."""
    return "utf-8-sig" if fmt == "csv" else "utf-8"
