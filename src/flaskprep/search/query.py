"""Turn what the user typed into weighted groups of deck terms.

Each content word becomes a *group*: the deck terms it may mean (its stem,
its synonyms, close spellings or completions), each with a weight. A question
scores the best member of each group, so an abbreviation with three expansions
counts once. Stop words are dropped unless the query has nothing else; multi-word
forms (``log in``) and split compounds (``url for`` -> ``urlfor``) are joined.
"""

from __future__ import annotations

from flaskprep.search.fuzzy import prefixed, typos
from flaskprep.search.index import SearchIndex
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.synonyms import PHRASES, expand
from flaskprep.words.tokens import tokenize

SYNONYM_WEIGHT = 0.7
MAX_QUERY_WORDS = 48
MAX_FUZZY_WORDS = 8
"""Unknown words per query that get typo and prefix matching (pasted junk stays fast)."""
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_LONGEST_PHRASE = max(len(key) for key in PHRASES)

Group = dict[int, float]
"""Term id -> weight; a question scores its best-weighted member."""


class Query:
    """A parsed query (a plain class: a dataclass costs a millisecond at import)."""

    __slots__ = ("groups", "phrases", "unknown")

    def __init__(
        self,
        groups: tuple[Group, ...],
        phrases: tuple[tuple[str, ...], ...],
        unknown: tuple[str, ...],
    ) -> None:
        self.groups = groups
        self.phrases = phrases
        """Stems that must appear adjacent and in this order (from ``"quoted"`` parts)."""
        self.unknown = unknown
        """Content words that matched no deck term at all."""


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
        self.memo: dict[tuple[str, bool], Group] = {}
        self.fuzzy_left = MAX_FUZZY_WORDS

    def __call__(self, word: str, *, last: bool) -> Group:
        if (word, last) not in self.memo:
            self.memo[word, last] = self._resolve(word, last=last)
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


def _joined(index: SearchIndex, words: list[str], i: int) -> Group:
    """``url for`` -> the deck's ``url_for`` (indexed as ``urlfor``)."""
    if i + 1 >= len(words):
        return {}
    tid = index.term_id(stem(words[i] + words[i + 1]))
    return {tid: 1.0} if tid is not None else {}


def parse_query(index: SearchIndex, text: str) -> Query:
    words, phrase_words = split_phrases(text)
    only_stop = all(word in STOP_WORDS for word in words)
    groups: list[Group] = []
    unknown: list[str] = []
    resolve = _Resolver(index)
    i = 0
    while i < len(words):
        phrase = _phrase_at(words, i)
        word, width = phrase if phrase is not None else (words[i], 1)
        if only_stop or word not in STOP_WORDS or phrase is not None:
            group = resolve(word, last=i + width == len(words))
            if group:
                groups.append(group)
            else:
                unknown.append(word)
        groups.append(_joined(index, words, i))
        i += width
    phrases = tuple(tuple(stem(w) for w in p) for p in phrase_words)
    return Query(_distinct(groups), phrases, tuple(unknown))


def _distinct(groups: list[Group]) -> tuple[Group, ...]:
    seen: set[frozenset[int]] = set()
    kept: list[Group] = []
    for group in groups:
        key = frozenset(group)
        if group and key not in seen:
            seen.add(key)
            kept.append(group)
    return tuple(kept)
