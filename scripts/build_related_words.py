"""Build ``src/flaskprep/words/related.txt``: each word's nearest meanings.

Two sources, merged per word stem, each word's best ``KEEP`` kept:

- WordNet synonyms from the senses a word is mostly used in (SemCor's sense counts,
  ``cntlist.rev``: a sense kept with at least ``SENSE_SHARE`` of the word's tagged uses;
  an untagged word keeps each part of speech's first sense), plus the words of those
  senses' hypernyms one level up (``piece`` -> ``part``), the words WordNet derives
  from them (``divide`` -> ``division``, a family the stemmer misses) and, for
  adjectives, their "similar to" heads. So ``crude`` means rough, not oil. Two-word
  collocations get a line of their own, linked to single words (``call+off`` ->
  ``cancel``), so a grader can read an answer's phrases. A ``!word`` line lists the
  antonyms of a word's common senses (``!immut`` -> ``mut``), so "never altered" can
  say ``immutable``. Only words of the corpus or
  of the general word list (``words/weights.txt``) are linked: the table stays small.
- Word vectors for the software domain from positive pointwise mutual information
  (PPMI) over a word-context matrix, reduced by truncated SVD, the way Levy, Goldberg
  and Dagan (2015) describe, with WordNet's glosses added to the corpus; a word keeps
  its nearest ``NEIGHBOURS`` at cosine ``MIN_COSINE`` or more (below it they are topical,
  ``context`` -> ``call``, rather than the same meaning). Vectors are not shipped.

Sources (install with apt; all allow redistribution of derived data):
- Python documentation (``python3-doc``, PSF License), Django (``python-django-doc``,
  BSD-3-Clause), Flask (``python-flask-doc``, BSD-3-Clause), Werkzeug
  (``python-werkzeug-doc``, BSD-3-Clause), SQLAlchemy (``python-sqlalchemy-doc``, MIT);
  the FAQ pages and ``library/copy.html`` are left out because the grading evaluation
  quotes them (``tests/data/eval/TRIPLES_SOURCES.md``).
- WordNet 3.0 (``wordnet-base``: synsets, glosses, sense counts; WordNet License: free use
  with the copyright notice).

Needs numpy and scipy (build time only): ``python3 scripts/build_related_words.py``.
Deterministic: the same packages give the same file (the SVD starts from a fixed vector).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flaskprep.words.related import NOT, phrase_key  # noqa: E402
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
GENERAL_WORDS = ROOT / "src" / "flaskprep" / "words" / "weights.txt"

WINDOW = 4
MIN_COUNT = 20
MAX_WORDS = 24000
DIMENSIONS = 160
NEIGHBOURS = 8
MIN_COSINE = 0.55
KEEP = 16
SYNONYM_COSINE = 0.80
SIMILAR_COSINE = 0.65
HYPERNYM_COSINE = 0.60
DERIVED_COSINE = 0.75
SENSE_SHARE = 0.15
MIN_TAGGED = 3
HYPONYMS_MAX = 60
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSE_TYPES = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}

_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
_SENTENCES = re.compile(r"[.!?;:\n]+\s")
_KEY = re.compile(r"!?[a-z][a-z0-9_]*(?:\+[a-z0-9]+)*")
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


@dataclass
class Synset:
    lemmas: list[str]
    hypernyms: list[str] = field(default_factory=list)
    similar: list[str] = field(default_factory=list)
    hyponyms: int = 0
    derived: list[tuple[int, str, int]] = field(default_factory=list)
    antonyms: list[tuple[int, str, int]] = field(default_factory=list)
    """Derivationally related words: (lemma number here, synset, lemma number there)."""


def general_words() -> set[str]:
    """Stems of the general English word list the grader weighs words by."""
    lines = GENERAL_WORDS.read_text("utf-8").splitlines()
    return {corpus_key(line.split(" ", 1)[0]) for line in lines if line[:1].isalpha()} - {""}


def wordnet_synsets() -> dict[str, Synset]:
    """Every synset by ``pos + offset``: its lemmas and the pointers we follow."""
    found: dict[str, Synset] = {}
    for pos, name in POS_FILES.items():
        for line in (WORDNET / f"data.{name}").read_text("utf-8", "replace").splitlines():
            if line.startswith("  "):
                continue
            head = line.split("|", 1)[0].split()
            count = int(head[3], 16)
            synset = Synset([re.sub(r"\(.*\)$", "", head[4 + 2 * i]).lower() for i in range(count)])
            at = 4 + 2 * count
            for i in range(int(head[at])):
                symbol, target, target_pos, words = head[at + 1 + 4 * i : at + 5 + 4 * i]
                target = ("a" if target_pos == "s" else target_pos) + target
                if symbol == "+":
                    synset.derived.append((int(words[:2], 16), target, int(words[2:], 16)))
                elif symbol == "!":
                    synset.antonyms.append((int(words[:2], 16), target, int(words[2:], 16)))
                elif symbol == "@":
                    synset.hypernyms.append(target)
                elif symbol == "&":
                    synset.similar.append(target)
                elif symbol == "~":
                    synset.hyponyms += 1
            found[pos + head[0]] = synset
    return found


def sense_counts() -> dict[tuple[str, str, int], int]:
    """How often each sense (lemma, part of speech, sense number) was tagged in SemCor."""
    counts: dict[tuple[str, str, int], int] = {}
    for line in (WORDNET / "cntlist.rev").read_text("utf-8", "replace").splitlines():
        sense_key, number, count = line.split()
        lemma, _, rest = sense_key.partition("%")
        pos = SENSE_TYPES[rest[0]]
        counts[(lemma, pos, int(number))] = counts.get((lemma, pos, int(number)), 0) + int(count)
    return counts


def wordnet_senses() -> dict[str, list[tuple[str, str]]]:
    """Each lemma's senses as (part of speech, synset id), most frequent first per part."""
    found: dict[str, list[tuple[str, str]]] = {}
    for pos, name in POS_FILES.items():
        for line in (WORDNET / f"index.{name}").read_text("utf-8", "replace").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            offsets = fields[6 + int(fields[3]) :]
            found.setdefault(fields[0], []).extend((pos, pos + o) for o in offsets)
    return found


def common_senses(
    lemma: str, senses: list[tuple[str, str]], counts: dict[tuple[str, str, int], int]
) -> list[str]:
    """The senses a word is mostly used in: by SemCor's counts, else each part's first."""
    ranked = []
    rank: dict[str, int] = {}
    for pos, synset in senses:
        rank[pos] = rank.get(pos, 0) + 1
        ranked.append((synset, rank[pos], counts.get((lemma, pos, rank[pos]), 0)))
    total = sum(count for _, _, count in ranked)
    if total < MIN_TAGGED:
        return [synset for synset, number, _ in ranked if number == 1]
    return [synset for synset, _, count in ranked if count / total >= SENSE_SHARE]


def lemma_key(lemma: str, known: set[str]) -> str:
    """A known word's table key (its stem), or a two-word collocation's (``call+off``)."""
    parts = [p for p in re.split(r"[_\-]", lemma.lower()) if p]
    if len(parts) == 1:
        key = corpus_key(parts[0])
        return key if key in known else ""
    if len(parts) != 2 or not all(
        p.isalpha() and (corpus_key(p) in known or len(p) <= 3) for p in parts
    ):
        return ""
    return phrase_key(parts)


def wordnet_links(known: set[str]) -> dict[str, dict[str, float]]:
    """Each word's synonyms in its common senses, and one level up (``piece`` -> ``part``).

    Only ``known`` words (the corpus's and the general word list's) are linked; a
    two-word collocation (``call off``) gets its own line, linked to single words only.
    """
    synsets, counts = wordnet_synsets(), sense_counts()
    found: dict[str, dict[str, float]] = {}

    def link(word: str, others: list[str], score: float) -> None:
        near = found.setdefault(word, {})
        for other in others:
            key = lemma_key(other, known)
            if key and key != word and "+" not in key:
                near[key] = max(near.get(key, 0.0), score)

    for lemma, senses in sorted(wordnet_senses().items()):
        word = lemma_key(lemma, known)
        if not word:
            continue
        for synset_id in common_senses(lemma, senses, counts):
            synset = synsets[synset_id]
            link(word, synset.lemmas, SYNONYM_COSINE)
            number = synset.lemmas.index(lemma) + 1 if lemma in synset.lemmas else 0
            for source, other, there in synset.derived:
                if source == number:
                    link(word, [synsets[other].lemmas[there - 1]], DERIVED_COSINE)
            for source, other, there in synset.antonyms:
                opposite = lemma_key(synsets[other].lemmas[there - 1], known)
                if source == number and opposite and "+" not in word + opposite:
                    found.setdefault(NOT + word, {})[opposite] = 1.0
            for other in synset.similar:
                link(word, synsets[other].lemmas, SIMILAR_COSINE)
            for other in synset.hypernyms:
                if synsets[other].hyponyms <= HYPONYMS_MAX:
                    link(word, synsets[other].lemmas, HYPERNYM_COSINE)
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


def svd_neighbours(words: list[str], embedded: np.ndarray) -> dict[str, dict[str, float]]:
    """Each word's nearest words by cosine of their vectors (at least ``MIN_COSINE``)."""
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
    return near_by_word


def table_lines(
    near_by_word: dict[str, dict[str, float]], links: dict[str, dict[str, float]]
) -> list[str]:
    """``word near:cosine*100 ...`` lines, sorted, each word's best ``KEEP`` kept.

    A word's opposites are never its near meanings, however alike the vectors see them
    (``mutable`` and ``immutable``, ``increase`` and ``decrease``).
    """
    merged = {word: dict(near) for word, near in near_by_word.items()}
    for word, near in links.items():
        into = merged.setdefault(word, {})
        for other, score in near.items():
            into[other] = max(into.get(other, 0.0), score)
    for word, near in merged.items():
        if not word.startswith(NOT):
            for other in [o for o in near if o in links.get(NOT + word, {})]:
                del near[other]
                merged.get(other, {}).pop(word, None)
    lines = []
    for word in sorted(w for w in merged if _KEY.fullmatch(w)):
        near_items = (i for i in merged[word].items() if _KEY.fullmatch(i[0]))
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
    links = wordnet_links(set(words) | general_words())
    lines = table_lines(svd_neighbours(words, embedded), links)
    header = "# word near:cosine*100 ..., !word antonym:100 ...; see scripts/build_related_words.py"
    opposites = [line for line in lines if line.startswith(NOT)]
    words_only = [line for line in lines if not line.startswith(NOT)]
    args.output.write_text("\n".join([*opposites, header, *words_only]) + "\n", encoding="utf-8")
    print(f"{len(lines)} words written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
