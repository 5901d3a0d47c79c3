"""JSON for scripts: valid, human-readable, and still safe if it lands on a terminal."""

from __future__ import annotations

import json
import re
from typing import Any

from flaskprep.ui.safe import FORMAT_CHARACTERS, SEPARATORS

# json.dumps already escapes C0 controls; these (C1, Unicode format characters such as
# bidi overrides and zero-width spaces, line separators) it would pass through raw.
_RAW_UNSAFE = re.compile(f"[\x7f-\x9f{FORMAT_CHARACTERS}{SEPARATORS}]")


def dumps(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json.dumps of one character gives its \uXXXX escape (a surrogate pair above U+FFFF).
    return _RAW_UNSAFE.sub(lambda m: json.dumps(m.group())[1:-1], text)
