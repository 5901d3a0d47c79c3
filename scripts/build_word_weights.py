"""Build ``src/flaskprep/words/weights.txt``: how much a word says, in general.

A word's weight (0.02 to 1.0) says how informative it is outside any one deck:

- *rarity* in general English, from the ``wordfreq`` package's Zipf frequency
  (``many``, ``whereas``, ``keeping`` are common, so they say little);
- *keyness* in software text: how much more often the word appears in the Python
  and Django documentation than in general English (``database``, ``template``,
  ``request`` are common English words that carry meaning in our domain).

weight = max(rarity, keyness); words rarer than Zipf 3.2 weigh 1.0 and are left out of
the table (so are code identifiers: the table only lists common English words).

Run with the dev tools installed (``pip install wordfreq==3.1.1``) and Debian's
``python3-doc`` and ``python-django-doc`` packages (``apt-get install python3-doc
python-django-doc``)::

    python scripts/build_word_weights.py            # writes src/flaskprep/words/weights.txt
    python scripts/build_word_weights.py --check    # exit 1 if the shipped file differs

The output is deterministic for a given wordfreq version and documentation packages.
wordfreq's data is licensed CC BY-SA 4.0 (by Robyn Speer and contributors); the derived
table is shared under the same licence (see ``src/flaskprep/words/WEIGHTS-LICENSE.md``).
"""

from __future__ import annotations

import html
import math
import re
import sys
from collections import Counter
from pathlib import Path

from shipped_table import build_or_check

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "flaskprep" / "words" / "weights.txt"
DOC_ROOTS = (
    Path("/usr/share/doc/python3-doc/html/_sources"),  # reStructuredText sources (.txt)
    Path("/usr/share/doc/python-django-doc/html"),  # rendered HTML
)
MIN_ZIPF = 3.2
"""Words rarer than this in general English weigh 1.0 and are not listed."""

_WORD = re.compile(r"[a-z]+")
_TAG = re.compile(r"<[^>]+>")
_APOSTROPHES = str.maketrans("", "", "'’ʼ")


def domain_counts(roots: tuple[Path, ...]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for root in roots:
        if not root.is_dir():
            sys.exit(f"{root}: missing; install Debian's python3-doc and python-django-doc")
        for path in sorted(root.rglob("*")):
            if path.suffix not in {".txt", ".html"}:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".html":
                text = html.unescape(_TAG.sub(" ", text))
            counts.update(_WORD.findall(text.lower()))
    return counts


def weight(general: float, domain: float) -> float:
    rarity = min(1.0, max(0.0, (5.2 - general) / 2.0))
    commonness = min(1.0, max(0.0, (6.2 - general) / 1.5))
    keyness = min(1.0, max(0.0, (domain - general) / 1.5)) * commonness
    return max(0.02, rarity, keyness)


def build_table() -> str:
    from wordfreq import top_n_list, zipf_frequency

    counts = domain_counts(DOC_ROOTS)
    total = sum(counts.values())
    table: dict[str, int] = {}
    for raw in top_n_list("en", 100_000):
        general = zipf_frequency(raw, "en")
        if general < MIN_ZIPF:
            break
        word = raw.translate(_APOSTROPHES).casefold()
        if not word.isalpha() or not word.isascii() or word in table:
            continue
        domain = math.log10((counts[word] + 0.5) / total * 1e9)
        hundredths = round(100 * weight(general, domain))
        if hundredths < 100:
            table[word] = hundredths
    lines = [f"{word} {value}" for word, value in sorted(table.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    return build_or_check(__doc__.splitlines()[0], OUTPUT, build_table, argv)


if __name__ == "__main__":
    raise SystemExit(main())
