"""Make untrusted deck text safe to print.

Deck files come from the internet. Control characters (ANSI/OSC escapes, NUL,
C1 codes) and bidi overrides are replaced by a visible ``\\xNN`` / ``\\uNNNN``
notation, so the text is shown literally and nothing reaches the terminal as a
control sequence. The other format characters (Unicode category Cf: zero-width
spaces and joiners, tag characters, the soft hyphen) are dropped, and line and
paragraph separators become spaces. Build ``rich.text.Text`` from cleaned text
rather than markup; where markup is unavoidable use :func:`escape`.

Cleaning before rendering is not enough: Markdown decodes ``&#x202E;`` into a real
right-to-left override after :func:`clean` has run. Every console made by
``ui.console.make_console`` therefore also passes what it renders through
:func:`strip_invisible`, which drops any such character left in the output text.
"""

from __future__ import annotations

import re

from flaskprep.invisible import FORMAT_CHARACTERS, SEPARATORS

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]|([{FORMAT_CHARACTERS}])|[{SEPARATORS}]")
_INVISIBLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{FORMAT_CHARACTERS}{SEPARATORS}]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if match.group(1) is not None:
        return ""  # zero-width: dropping it changes nothing a reader can see
    if char in SEPARATORS:
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every control and bidi-override character made visible, other
    format characters dropped and line/paragraph separators turned into spaces."""
    return _UNSAFE.sub(_visible, text)


def strip_invisible(text: str) -> str:
    """Rendered text without controls, format characters or separators (tabs and
    newlines stay). For output already laid out: every character it drops is zero-width."""
    return _INVISIBLE.sub("", text)


def escape(text: str) -> str:
    """Cleaned text escaped for use inside Rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(clean(text))
