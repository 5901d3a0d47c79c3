"""Build ``src/flaskprep/words/inflections.txt``: irregular word forms and their base word.

The grader's stemmer strips regular endings (``catching`` -> ``catch``) but cannot know
that ``caught`` is ``catch``, ``thrown`` is ``throw`` or ``children`` is ``child``.
WordNet's exception lists (``verb.exc``, ``noun.exc`` of Debian's ``wordnet-base``,
WordNet License) name those forms. A form is kept only when:

- it is no word of its own (not a noun or verb lemma of WordNet: ``left``, ``found``,
  ``saw``, ``data`` stay themselves), and a plural is not also a verb's ``-s`` form
  (``lives``);
- the stemmer does not already join it to its base, and its base is not a British
  spelling of a verb (``installed`` -> ``instal`` would part it from ``install``);
- it is a common English word (``words/weights.txt`` lists it): rare forms such as
  ``gan`` are left alone.

Adjective forms (``better`` -> ``good``) are left out.

Pure standard library: ``python3 scripts/build_inflections.py`` (``--check`` exits 1 if
the shipped file differs). Deterministic for a given WordNet.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shipped_table import build_or_check

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flaskprep.words.stems import stem  # noqa: E402
from flaskprep.words.weights import is_common  # noqa: E402

WORDNET = Path("/usr/share/wordnet")
OUTPUT = ROOT / "src" / "flaskprep" / "words" / "inflections.txt"
HEADER = "# form base; see scripts/build_inflections.py"


def lemmas(part: str) -> set[str]:
    lines = (WORDNET / f"index.{part}").read_text("utf-8", "replace").splitlines()
    return {line.split()[0] for line in lines if line[:1].isalpha()}


def table() -> str:
    nouns, verbs = lemmas("noun"), lemmas("verb")
    found: dict[str, str] = {}
    for part in ("verb", "noun"):
        for line in (WORDNET / f"{part}.exc").read_text("utf-8", "replace").splitlines():
            form, base = line.split()[:2]
            if not (form.isalpha() and base.isalpha()) or form in nouns or form in verbs:
                continue
            if part == "noun" and (form[:-1] in verbs or form[:-2] in verbs):
                continue
            british = form.startswith(base) and base + base[-1] in verbs
            if stem(form) != stem(base) and not british and is_common(form):
                found.setdefault(form, base)
    return "\n".join([HEADER, *(f"{form} {base}" for form, base in sorted(found.items()))]) + "\n"


def main(argv: list[str] | None = None) -> int:
    return build_or_check(__doc__.splitlines()[0], OUTPUT, table, argv)


if __name__ == "__main__":
    sys.exit(main())
