"""JSON for scripts: valid, human-readable, and still safe if it lands on a terminal."""

from __future__ import annotations

import json
import re
from typing import Any

# json.dumps already escapes C0 controls; these it would pass through raw.
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
