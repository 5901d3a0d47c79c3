"""An answer written as HTML (``<div><ol><li>…</li></ol></div>``) read as Markdown text.

Terminal Markdown shows no HTML block, so such an answer looked blank. Lists become
``-`` items, paragraphs and breaks new lines, ``<code>`` a code span, ``<b>`` bold,
``<pre>`` a fence; buttons, scripts and styles (page chrome: "Show/Hide Answer") and every
other tag are dropped, and entities decoded.
"""

from __future__ import annotations

import html
import re

__all__ = ["html_as_markdown", "is_html"]

_OPENS_WITH_TAG = re.compile(r"\s*<([A-Za-z][\w-]*)[\s/>]")
_CHROME = re.compile(r"<(button|script|style|svg)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_REPLACEMENTS = (
    (re.compile(r"<li\b[^>]*>", re.I), "\n- "),
    (re.compile(r"<br\s*/?>|</?(?:p|div|h[1-6]|tr|table|section)\b[^>]*>", re.I), "\n\n"),
    (re.compile(r"</?(?:ol|ul|li)\b[^>]*>", re.I), "\n"),
    (re.compile(r"<pre\b[^>]*>(?:\s*<code\b[^>]*>)?", re.I), "\n```\n"),
    (re.compile(r"(?:</code>\s*)?</pre\s*>", re.I), "\n```\n"),
    (re.compile(r"</?code\b[^>]*>", re.I), "`"),
    (re.compile(r"</?(?:b|strong)\b[^>]*>", re.I), "**"),
    (re.compile(r"</?(?:i|em)\b[^>]*>", re.I), "*"),
    (re.compile(r"<img\b[^>]*\balt=\"([^\"]*)\"[^>]*>", re.I), r"\1"),
    (re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"), ""),
)
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_MARKDOWN = re.compile(r"([\\`*_\[\]#|])")
"""Characters Markdown would read in the HTML's text (``${7*7}``), escaped."""
_SHIELD = str.maketrans({"<": "\ue000", ">": "\ue001"})
"""A ``<`` or ``>`` of the text (``&lt;div&gt;``) is kept from the tag patterns…"""
_UNSHIELD = str.maketrans({"\ue000": "\\<", "\ue001": "\\>"})
"""…and given back escaped, so Markdown shows it as written."""
_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
_INLINE = frozenset({"a", "b", "i", "em", "strong", "code", "span", "kbd", "sub", "sup", "br"})


def is_html(answer: str) -> bool:
    """Whether the answer opens with an HTML block tag (``<div>``, ``<p>``, ``<ol>``…)."""
    match = _OPENS_WITH_TAG.match(answer)
    return match is not None and match.group(1).lower() not in _INLINE


def html_as_markdown(answer: str) -> str:
    """The answer's HTML as Markdown text (see the module docstring)."""
    text = "".join(
        tag or _MARKDOWN.sub(r"\\\1", html.unescape(words)).translate(_SHIELD)
        for tag, words in _TEXT.findall(_CHROME.sub("", answer))
    )
    for pattern, replacement in _REPLACEMENTS:
        text = pattern.sub(replacement, text)
    if "```" not in text:  # indentation from the HTML's layout would read as code
        text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip().translate(_UNSHIELD)
