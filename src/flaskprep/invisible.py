"""Characters that print as nothing yet change what a reader sees.

Unicode format characters (category Cf: bidi overrides such as U+202E, zero-width
spaces and joiners, tag characters, the soft hyphen) and the line and paragraph
separators. A deck may hold them raw or as Markdown entities (``&#x202E;``); the
terminal cleaners in ``ui.safe`` and the JSON writer in ``documents`` share this list.
A test checks it against the running Python's Unicode tables.
"""

from __future__ import annotations

FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
"""Unicode category Cf as of Unicode 15, as the body of a regex character class."""
SEPARATORS = "\u2028\u2029"
"""Unicode categories Zl and Zp."""
