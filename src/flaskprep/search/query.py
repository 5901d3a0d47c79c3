"""Turn what the user typed into weighted groups of deck terms.

Each content word becomes a *group*: the deck terms it may mean (its stem,
its synonyms, close spellings or completions), each with a weight. A question
scores the best member of each group, so an abbreviation with three expansions
counts once. Stop words are dropped unless the query has nothing else; multi-word
forms (``log in``) and split compounds (``url for`` -> ``urlfor``) are joined.
"""

from __future__ import annotations

from flaskprep.search.fuzzy import MAX_FUZZY_LENGTH, PREFIX_WEIGHT, TYPO_WEIGHTS, prefixed, typos
from flaskprep.search.index import SearchIndex
from flaskprep.search.rarity import Rarity
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.synonyms import PHRASES, equivalents, expand
from flaskprep.words.tokens import tokenize
from flaskprep.words.weights import weight as word_weight

SYNONYM_WEIGHT = 0.7
GUESS_MIN_LENGTH = {PREFIX_WEIGHT: 4, TYPO_WEIGHTS[1]: 5, TYPO_WEIGHTS[2]: 8}
"""Shortest word whose completion, one-typo or two-typo fix counts as what was meant."""
RELATED_EVIDENCE = 0.7
"""A one-way related meaning (``docker`` -> ``container``) backs a hit less than the word."""
WEAK_GUESS_EVIDENCE = 0.4
"""Other guesses still rank, but back no hit alone."""
IMPORTANCE_FLOOR = 0.3
"""Even the commonest content word says something (``state``, ``rest``)."""
CONTRAST_WORDS = frozenset({"vs", "versus", "or", "and", "between"})
MAX_QUERY_WORDS = 48
MAX_FUZZY_WORDS = 8
"""Unknown words per query that get typo and prefix matching (pasted junk stays fast)."""
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_LONGEST_PHRASE = max(len(key) for key in PHRASES)

Group = dict[int, float]
"""Term id -> weight; a question scores its best-weighted member."""


class Query:
    """A parsed query (a plain class: a dataclass costs a millisecond at import)."""

    __slots__ = ("evidence", "groups", "importance", "missing", "phrases", "unknown")

    def __init__(
        self,
        groups: tuple[Group, ...],
        phrases: tuple[tuple[str, ...], ...],
        unknown: tuple[str, ...],
        evidence: tuple[Group, ...] = (),
        importance: tuple[float, ...] = (),
        missing: float = 0.0,
    ) -> None:
        self.groups = groups
        self.phrases = phrases
        """Stems that must appear adjacent and in this order (from ``"quoted"`` parts)."""
        self.unknown = unknown
        """Content words that matched no deck term at all."""
        self.evidence = evidence or tuple(dict.fromkeys(g, 1.0) for g in groups)
        """Per group, how surely each member is what the user meant (0: a guess)."""
        self.importance = importance or tuple(1.0 for _ in groups)
        """Per group, how much its word says in general (``words.weights``)."""
        self.missing = missing
        """Summed importance of the content words that matched nothing in the deck."""


def split_phrases(text: str) -> tuple[list[str], list[list[str]]]:
    """All query words in order, and the words of each closed ``"quoted"`` part."""
    parts = text.translate(_QUOTES).split('"')
    words: list[str] = []
    phrases: list[list[str]] = []
    for position, part in enumerate(parts):
        tokens = tokenize(part)
        quoted = position % 2 == 1 and position < len(parts) - 1
        if quoted and len(tokens) > 1:
            phrases.append(tokens)
        words.extend(tokens)
    return words[:MAX_QUERY_WORDS], phrases


def _phrase_at(words: list[str], start: int) -> tuple[str, int] | None:
    for length in range(min(_LONGEST_PHRASE, len(words) - start), 1, -1):
        joined = PHRASES.get(tuple(words[start : start + length]))
        if joined is not None:
            return joined, length
    return None


def _synonyms(index: SearchIndex, word: str) -> Group:
    group: Group = {}
    for synonym in expand(word):
        tid = index.term_id(stem(synonym))
        if tid is not None:
            group[tid] = SYNONYM_WEIGHT
    return group


class _Resolver:
    """Deck terms for each query word, once per word, with a budget for fuzzy matching."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self.memo: dict[tuple[str, bool], tuple[Group, Group]] = {}
        self.fuzzy_left = MAX_FUZZY_WORDS

    def __call__(self, word: str, *, last: bool) -> tuple[Group, Group]:
        """The word's group (term -> weight) and the evidence each member gives."""
        if (word, last) not in self.memo:
            group = self._resolve(word, last=last)
            self.memo[word, last] = group, _evidence(self.index, word, group)
        return self.memo[word, last]

    def _resolve(self, word: str, *, last: bool) -> Group:
        """A known abbreviation is never "corrected"; unknown words get typos/completions."""
        group = _synonyms(self.index, word)
        tid = self.index.term_id(stem(word))
        if tid is not None:
            group[tid] = 1.0
            return group
        if self.fuzzy_left <= 0:
            return group
        self.fuzzy_left -= 1
        if not group:
            group.update(typos(self.index, word))
        if last or not group:
            for term, weight in prefixed(self.index, word).items():
                group[term] = max(group.get(term, 0.0), weight)
        return group


def _evidence(index: SearchIndex, word: str, group: Group) -> Group:
    """How surely each member is meant: the word, its synonyms, or a spelling guess."""
    same = {index.term_id(stem(s)) for s in (word, *equivalents(word))}
    widened = {index.term_id(stem(s)) for s in expand(word)}
    return {
        tid: 1.0
        if tid in same
        else RELATED_EVIDENCE
        if tid in widened
        else _guess_evidence(word, index.surface_word(tid), weight)
        for tid, weight in group.items()
    }


def _guess_evidence(word: str, deck_word: str, weight: float) -> float:
    """A completion or typo fix of a long enough word that keeps its first letter is what
    was meant; a guess for a short word (``cors`` -> ``core``) or a second typo in a
    middling one still ranks but backs no hit alone."""
    needed = GUESS_MIN_LENGTH.get(weight, MAX_FUZZY_LENGTH)
    if weight == PREFIX_WEIGHT and 2 * len(word) <= len(deck_word):
        return WEAK_GUESS_EVIDENCE  # ``props`` is not surely ``properties``
    return 1.0 if len(word) >= needed and word[:1] == deck_word[:1] else WEAK_GUESS_EVIDENCE


def _joined(index: SearchIndex, words: list[str], i: int) -> Group:
    """``url for`` -> the deck's ``url_for`` (indexed as ``urlfor``)."""
    if i + 1 >= len(words):
        return {}
    tid = index.term_id(stem(words[i] + words[i + 1]))
    return {tid: 1.0} if tid is not None else {}


def parse_query(index: SearchIndex, text: str, rarity: Rarity | None = None) -> Query:
    rarity = rarity or Rarity(index)
    words, phrase_words = split_phrases(text)
    only_stop = all(word in STOP_WORDS for word in words)
    if only_stop:  # "where vs having": the stop words are the topic, "vs" still is not
        words = [word for word in words if word not in CONTRAST_WORDS] or words
    parts: list[tuple[Group, Group, float]] = []
    unknown: list[str] = []
    resolve = _Resolver(index)
    i = 0
    while i < len(words):
        phrase = _phrase_at(words, i)
        word, width = phrase if phrase is not None else (words[i], 1)
        if only_stop or word not in STOP_WORDS or phrase is not None:
            group, evidence = resolve(word, last=i + width == len(words))
            if group:
                parts.append((group, evidence, _importance(index, rarity, word, group)))
            else:
                unknown.append(word)
        joined = _joined(index, words, i)
        if joined:
            parts.append((joined, joined, 0.0))
        i += width
    phrases = tuple(tuple(stem(w) for w in p) for p in phrase_words)
    kept = _distinct(parts)
    missing = sum(_importance_of(word_weight(w)) for w in dict.fromkeys(unknown))
    return Query(
        tuple(g for g, _, _ in kept),
        phrases,
        tuple(unknown),
        tuple(e for _, e, _ in kept),
        tuple(w for _, _, w in kept),
        missing,
    )


def _importance(index: SearchIndex, rarity: Rarity, word: str, group: Group) -> float:
    """How much ``word`` says: general weight times rarity in the deck (its own term's,
    else its best stand-in's). A word the deck lacks counts as rarest."""
    tid = index.term_id(stem(word))
    members = [tid] if tid is not None else list(group)
    return _importance_of(max(index.weights[t] * rarity.idf(t) / rarity.top for t in members))


def _importance_of(general: float) -> float:
    return IMPORTANCE_FLOOR + (1.0 - IMPORTANCE_FLOOR) * general


def _distinct(parts: list[tuple[Group, Group, float]]) -> list[tuple[Group, Group, float]]:
    seen: dict[frozenset[int], int] = {}
    kept: list[tuple[Group, Group, float]] = []
    for group, evidence, importance in parts:
        key = frozenset(group)
        if key in seen:  # the same terms twice: keep one, with the larger importance
            at = seen[key]
            kept[at] = (group, evidence, max(importance, kept[at][2]))
            continue
        seen[key] = len(kept)
        kept.append((group, evidence, importance))
    return kept
