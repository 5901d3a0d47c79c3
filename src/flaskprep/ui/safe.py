"""Make untrusted deck text safe to print.

Deck files come from the internet. Control characters (ANSI/OSC escapes, NUL,
C1 codes) and bidi overrides are replaced by a visible ``\\xNN`` / ``\\uNNNN``
notation, so the text is shown literally and nothing reaches the terminal as a
control sequence. Build ``rich.text.Text`` from cleaned text, never markup.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every control and bidi-override character made visible."""
    return _UNSAFE.sub(_visible, text)
