"""Render an answer's Markdown, skipping rich.markdown for the common one-paragraph case.

``rich.markdown`` imports markdown-it (a heavy edge, see ``docs/architecture.md``)
for what is, in most decks, one paragraph with a few code spans and bold words.
Such text is styled here directly, with the same theme styles rich.markdown
uses; anything with block structure (lists, fences, headings, quotes, tables,
links, HTML, escapes) still goes through rich.markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text

from flaskprep.ui.safe import clean
from flaskprep.words.tokens import undecorated

_BLOCK_OR_TRICKY = re.compile(
    r"(^|\n)\s*([-+*>#|]|\d+[.)]|```|~~~)|\n\s*\n|^ {4}|\n {4}|[\[\]<>\\_]|\*\*\*|~~"
)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_INLINE = re.compile(r"`([^`\n]+)`|\*\*([^*\n]+)\*\*|\*([^*\n]+)\*")
_STYLES = ("markdown.code", "markdown.strong", "markdown.em")


def is_plain_paragraph(text: str) -> bool:
    """One paragraph whose only Markdown is code spans, **bold** and *emphasis*."""
    outside_code = _CODE_SPAN.sub("x", text)
    return "`" not in outside_code and not _BLOCK_OR_TRICKY.search(outside_code)


def render_answer(text: str) -> RenderableType:
    cleaned = clean(text)
    if not is_plain_paragraph(cleaned):
        from rich.markdown import Markdown

        return Markdown(cleaned, hyperlinks=False)
    return _styled(cleaned.strip())


def _styled(text: str) -> Text:
    result = Text()
    position = 0
    for match in _INLINE.finditer(text):
        result.append(" ".join(text[position : match.start()].split("\n")))
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        result.append(match.group(group), style=_STYLES[group - 1])
        position = match.end()
    result.append(" ".join(text[position:].split("\n")))
    return result


def code_spans(text: Text) -> Text:
    """Style a title's or option's `code` spans as code; the backticks stay (dimmed) so
    output without colour still marks them."""
    for match in _CODE_SPAN.finditer(text.plain):
        start, end = match.span()
        text.stylize("dim", start, start + 1)
        text.stylize("markdown.code", start + 1, end - 1)
        text.stylize("dim", end - 1, end)
    return text


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


_BLOCK_MARK = re.compile(
    r"^[ \t]*(?:(?:`{3,}|~{3,}).*$|#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)"
)
"""What opens a line of block Markdown: a fence (the whole line), a heading's ``#``s, a
quote's ``>``, a list item's marker."""
_TABLE_BAR = re.compile(r"(?<!\\)\|(?:\s*:?-{3,}:?\s*\|)*")
"""A table's column bars and its ``|---|`` rule."""


def plain_option(text: str) -> str:
    """An answer as a one-line choice option: block marks (fences, ``#``, list markers)
    and inline HTML tags (outside code spans) dropped, entities such as ``&nbsp;``
    decoded, as ``show`` renders them; spaces collapsed."""
    text = "\n".join(_BLOCK_MARK.sub("", line) for line in text.splitlines())
    return plain_title(" ".join(_outside_code(text, _plain_prose).split()))


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to what lies between its code spans."""
    pieces, position = [], 0
    for match in _CODE_SPAN.finditer(text):
        pieces += [change(text[position : match.start()]), match.group()]
        position = match.end()
    pieces.append(change(text[position:]))
    return "".join(pieces)


def _plain_prose(text: str) -> str:
    """Prose of an option (no code): tags and table bars dropped, entities decoded."""
    import html  # quiz options only: a search, which loads this module, never needs it

    return html.unescape(_TABLE_BAR.sub(" ", _HTML_TAG.sub(" ", text)))


_CITATION = re.compile(r"\s*\[\[[^\[\]\n]*\](?:\([^()\s]*\)\]|\]\([^()\s]*\))")
"""A bracketed source link after a title: ``[[src](http://…)]`` or ``[[src]](http://…)``."""
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(
    r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)((?:(?!__).)*?\W(?:(?!__).)*?)(?<=\S)__"
    r"|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?!\w)"
)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SHIELD = 0xE000
"""Escaped characters are moved to the private use area while emphasis is read."""
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")


def plain_title(text: str) -> str:
    """A title's inline Markdown read as a reader sees it: links as their text, a
    bracketed source link (``[[src](…)]``) dropped, emphasis and backslash escapes
    undone. Code spans stay as they are, and so does a dunder name (``__init__``)."""
    text = _LINK.sub(lambda m: m.group(1), _CITATION.sub("", text))
    return undecorated(_outside_code(text, _plain_inline))


def _plain_inline(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_SHIELD + ord(m.group(1))), text)
    for _ in range(2):  # one level of nesting: ***both***, **_both_**
        text = _EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), text)
    if _ENTITY.search(text):
        import html  # rare in a title: a search loads this module and seldom needs it

        text = html.unescape(text)
    return "".join(chr(ord(c) - _SHIELD) if _SHIELD < ord(c) < _SHIELD + 128 else c for c in text)


def plain(text: str) -> str:
    """A deck's title, a section's or a question's as a reader sees it, safe to print."""
    return clean(plain_title(text))


def render_title(text: str, style: str = "bold") -> Text:
    """A question's one-line text as a reader sees it (``plain_title``): untrusted, so
    cleaned; code spans shown as code."""
    return code_spans(Text(plain(text), style=style))
