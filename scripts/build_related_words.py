"""Build ``src/flaskprep/words/related.txt``: each word's nearest meanings.

Word vectors for the software domain from positive pointwise mutual information
(PPMI) over a word-context matrix, reduced by truncated SVD, the way Levy,
Goldberg and Dagan (2015) describe; WordNet's glosses are added to the corpus so
general words meet their synonyms (``pieces`` → ``fragments``). The shipped table
keeps, for each frequent word stem, its nearest stems with their cosine; vectors
are not shipped.

Sources (install with apt; all allow redistribution of derived data):
- Python documentation (``python3-doc``, PSF License), Django (``python-django-doc``,
  BSD-3-Clause), Flask (``python-flask-doc``, BSD-3-Clause), Werkzeug
  (``python-werkzeug-doc``, BSD-3-Clause), SQLAlchemy (``python-sqlalchemy-doc``, MIT);
  the FAQ pages and ``library/copy.html`` are left out because the grading evaluation
  quotes them (``tests/data/eval/TRIPLES_SOURCES.md``).
- WordNet 3.0 (``wordnet-base``, WordNet License: free use with the copyright notice).

Needs numpy and scipy (build time only): ``python3 scripts/build_related_words.py``.
Deterministic: the same packages give the same file (the SVD starts from a fixed vector).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flaskprep.words.related import key_of as corpus_key  # noqa: E402

DOC_FOLDERS = (
    "/usr/share/doc/python3-doc/html",
    "/usr/share/doc/python-django-doc/html",
    "/usr/share/doc/python-flask-doc/html",
    "/usr/share/doc/python-werkzeug-doc/html",
    "/usr/share/doc/python-sqlalchemy-doc/html",
)
LEFT_OUT = re.compile(r"/faq/|/library/copy\.html$|/genindex|/py-modindex|/search\.html$")
WORDNET = Path("/usr/share/wordnet")
OUTPUT = ROOT / "src" / "flaskprep" / "words" / "related.txt"

WINDOW = 4
MIN_COUNT = 20
MAX_WORDS = 24000
DIMENSIONS = 160
NEIGHBOURS = 8
MIN_COSINE = 0.40
KEEP = 10
SYNONYM_SENSES = 3
SYNONYM_COSINE = 0.70

_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
_SENTENCES = re.compile(r"[.!?;:\n]+\s")
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_WORD = re.compile(r"[a-z][a-z0-9]*(?:[_'][a-z0-9]+)*")


def sentences_of(text: str) -> list[list[str]]:
    found = []
    for sentence in _SENTENCES.split(text.lower()):
        keys = [k for k in (corpus_key(w) for w in _WORD.findall(sentence)) if k]
        if len(keys) > 1:
            found.append(keys)
    return found


def documentation() -> list[list[str]]:
    found: list[list[str]] = []
    for folder in DOC_FOLDERS:
        for page in sorted(Path(folder).rglob("*.html")):
            if LEFT_OUT.search(page.as_posix()):
                continue
            text = html.unescape(_TAGS.sub(" ", page.read_text("utf-8", "replace")))
            found.extend(sentences_of(text))
    return found


def wordnet_glosses() -> list[list[str]]:
    """One sentence per synset: its words, then its gloss (definition and examples)."""
    found: list[list[str]] = []
    for part in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"data.{part}").read_text("utf-8", "replace").splitlines():
            if line.startswith("  ") or "|" not in line:
                continue
            head, gloss = line.split("|", 1)
            fields = head.split()
            count = int(fields[3], 16)
            lemmas = " ".join(fields[4 + 2 * i].replace("_", " ") for i in range(count))
            keys = [k for k in (corpus_key(w) for w in _WORD.findall(lemmas.lower())) if k]
            for sentence in sentences_of(gloss.replace(";", ".\n")):
                found.append(keys + sentence)
    return found


def wordnet_synonyms() -> dict[str, dict[str, float]]:
    """Words sharing a synset among a word's first senses: ``piece`` and ``part``."""
    found: dict[str, dict[str, float]] = {}
    for part in ("noun", "verb", "adj", "adv"):
        lemmas = {}
        for line in (WORDNET / f"data.{part}").read_text("utf-8", "replace").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split(" ", 4 + 2 * int(line.split()[3], 16))
            count = int(fields[3], 16)
            lemmas[fields[0]] = [fields[4 + 2 * i].lower() for i in range(count)]
        for line in (WORDNET / f"index.{part}").read_text("utf-8", "replace").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            offsets = fields[6 + pointers :]
            word = corpus_key(fields[0])
            if not word or "_" in fields[0]:
                continue
            for rank, offset in enumerate(offsets[:SYNONYM_SENSES]):
                score = SYNONYM_COSINE - 0.05 * rank
                for other in lemmas.get(offset, ()):
                    key = corpus_key(re.sub(r"\(.*\)$", "", other))
                    if key and key != word and "_" not in other:
                        near = found.setdefault(word, {})
                        near[key] = max(near.get(key, 0.0), score)
    return found


def cooccurrence(corpus: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    ids = np.array([vocabulary.get(w, -1) for s in corpus for w in (*s, "")], dtype=np.int64)
    size = len(vocabulary)
    matrix = sparse.csr_matrix((size, size), dtype=np.float64)
    for distance in range(1, WINDOW + 1):
        left, right = ids[:-distance], ids[distance:]
        boundary = np.concatenate(([0], np.cumsum(ids == -1)))
        same = boundary[1 : len(ids) - distance + 1] == boundary[distance + 1 :]
        keep = (left >= 0) & (right >= 0) & same
        weight = np.full(int(keep.sum()), 1.0 / distance)
        pairs = sparse.coo_matrix((weight, (left[keep], right[keep])), shape=(size, size))
        matrix = matrix + pairs.tocsr() + pairs.T.tocsr()
    return matrix


def ppmi(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    total = counts.sum()
    rows = np.asarray(counts.sum(axis=1)).ravel()
    contexts = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    contexts /= contexts.sum()
    coo = counts.tocoo()
    values = np.log((coo.data / total) / ((rows[coo.row] / total) * contexts[coo.col]))
    keep = values > 0
    shape = counts.shape
    return sparse.csr_matrix((values[keep], (coo.row[keep], coo.col[keep])), shape=shape)


def vectors(matrix: sparse.csr_matrix) -> np.ndarray:
    start = np.ones(min(matrix.shape)) / np.sqrt(min(matrix.shape))
    left, values, _ = svds(matrix, k=DIMENSIONS, v0=start)
    embedded = left * np.sqrt(values)
    norms = np.linalg.norm(embedded, axis=1, keepdims=True)
    return embedded / np.maximum(norms, 1e-9)


def neighbour_lines(
    words: list[str], embedded: np.ndarray, synonyms: dict[str, dict[str, float]]
) -> list[str]:
    lines = []
    near_by_word: dict[str, dict[str, float]] = {}
    for start in range(0, len(words), 2048):
        block = embedded[start : start + 2048] @ embedded.T
        for offset, row in enumerate(block):
            index = start + offset
            row[index] = -1.0
            best = np.argpartition(-row, NEIGHBOURS)[:NEIGHBOURS]
            best = best[np.argsort(-row[best])]
            near_by_word[words[index]] = {
                words[j]: float(row[j]) for j in best if row[j] >= MIN_COSINE
            }
    for word, near in synonyms.items():
        merged = near_by_word.setdefault(word, {})
        for other, score in near.items():
            merged[other] = max(merged.get(other, 0.0), score)
    for word in sorted(w for w in near_by_word if _KEY.fullmatch(w)):
        near_items = (i for i in near_by_word[word].items() if _KEY.fullmatch(i[0]))
        ranked = sorted(near_items, key=lambda item: (-item[1], item[0]))
        if ranked:
            near = " ".join(f"{other}:{round(score * 100)}" for other, score in ranked[:KEEP])
            lines.append(f"{word} {near}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    corpus = documentation() + wordnet_glosses()
    counts = Counter(w for s in corpus for w in s)
    frequent = sorted(
        (w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w)
    )
    words = sorted(frequent[:MAX_WORDS])
    vocabulary = {w: i for i, w in enumerate(words)}
    print(f"{sum(map(len, corpus))} tokens, {len(words)} words", file=sys.stderr)
    embedded = vectors(ppmi(cooccurrence(corpus, vocabulary)))
    lines = neighbour_lines(words, embedded, wordnet_synonyms())
    header = "# word near:cosine*100 ... built by scripts/build_related_words.py; see its docstring"
    args.output.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    print(f"{len(lines)} words written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
