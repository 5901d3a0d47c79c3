"""Words of deck text: tokenising, a small stemmer, stop words and synonyms.

Shared by search and the answer grader. Pure standard library and cheap to
import: one regular expression, no tables built at import time beyond literals.

- ``tokenize(text)``: lowercase word tokens; case, punctuation, backticks and
  typographic quotes are ignored, apostrophes inside words are dropped
  (``Werkzeug’s`` -> ``werkzeugs``), ``url_for`` gives ``url``, ``for``.
- ``stem(word)``: a deterministic Porter-lite suffix stripper, so word families
  meet (``blueprints``/``blueprint``, ``uploading``/``uploads``/``upload``).
- ``STOP_WORDS``: words that carry no weight in a question.
- ``SYNONYMS`` / ``expand_synonyms(word)``: the field's abbreviations and
  synonyms (``db`` -> ``database``); ``PHRASES`` maps multi-word forms
  (``log in``, ``cross site request forgery``) to one word.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["PHRASES", "STOP_WORDS", "SYNONYMS", "expand_synonyms", "fold", "stem", "tokenize"]

WORD_PATTERN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
"""A word: letters and digits, with apostrophes allowed inside (``don't``)."""

_APOSTROPHES = str.maketrans("", "", "'’ʼ")


def fold(word: str) -> str:
    """Case- and apostrophe-insensitive form of a word or text (NFKC for non-ASCII)."""
    if not word.isascii():
        import unicodedata

        word = unicodedata.normalize("NFKC", word)
    return word.translate(_APOSTROPHES).casefold()


_BARE_WORD = re.compile(r"[^\W_]+")


def tokenize(text: str) -> list[str]:
    """Lowercase words of ``text`` in order; punctuation and markup are separators."""
    # Same words as folding each WORD_PATTERN match, in one pass over the folded text.
    return _BARE_WORD.findall(fold(text))


_STOP_TEXT = """a about above after again all also am an and any are as at be been before
    being both but by can cannot could did do does doing done dont each else etc
    even ever for from get gets got had has have having he her here hers him his
    how however i id if im in into is isnt it its itself ive just let lets me
    might more most much must my myself no nor not now of off on once only onto
    or other our ours out over own please same she should so some such than that
    thats the their theirs them then there these they thing things this those
    through to too under until up upon us very via was way we were what whats
    when where which while who whom whose why will with within without would yet
    you youd youll your youre yours youve"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

# Abbreviations and synonyms users type -> words the deck is likely to use.
# Keys and values are surface words; callers stem them as they stem the deck.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "auth": ("authentication", "authorization", "login"),
    "authn": ("authentication",),
    "authz": ("authorization", "permissions", "roles"),
    "login": ("authentication", "signin"),
    "logout": ("login", "session"),
    "signin": ("login",),
    "signup": ("register", "registration"),
    "password": ("passwords", "credentials"),
    "db": ("database",),
    "dbs": ("database",),
    "database": ("db", "sql"),
    "sql": ("database",),
    "orm": ("sqlalchemy", "model"),
    "migration": ("migrate", "alembic"),
    "migrations": ("migrate", "alembic"),
    "config": ("configuration", "settings"),
    "conf": ("configuration",),
    "cfg": ("configuration",),
    "settings": ("configuration", "config"),
    "env": ("environment",),
    "envs": ("environment",),
    "environment": ("env",),
    "js": ("javascript",),
    "ts": ("typescript",),
    "py": ("python",),
    "api": ("apis", "rest", "restful", "endpoint"),
    "rest": ("restful", "api"),
    "restful": ("rest", "api"),
    "endpoint": ("route", "endpoints"),
    "jwt": ("token", "jwts"),
    "token": ("jwt",),
    "csrf": ("xsrf", "forgery"),
    "xsrf": ("csrf",),
    "xss": ("escaping", "injection"),
    "i18n": ("internationalization", "translation", "babel"),
    "l10n": ("localization", "translation"),
    "translation": ("internationalization", "localization", "babel"),
    "perf": ("performance", "optimization"),
    "performance": ("optimization", "scaling"),
    "speed": ("performance", "optimization"),
    "slow": ("performance", "optimization"),
    "fast": ("performance",),
    "deploy": ("deployment", "production"),
    "prod": ("production", "deployment"),
    "production": ("deployment",),
    "hosting": ("deployment", "cloud"),
    "test": ("testing", "pytest"),
    "tests": ("testing", "pytest"),
    "unittest": ("testing", "unit"),
    "async": ("asynchronous", "background", "celery"),
    "background": ("celery", "asynchronous", "tasks"),
    "queue": ("celery", "background"),
    "job": ("task", "background"),
    "jobs": ("tasks", "background"),
    "celery": ("background", "tasks"),
    "ws": ("websocket", "websockets", "socketio"),
    "websocket": ("socketio", "realtime"),
    "tmpl": ("template", "templates"),
    "tpl": ("template",),
    "html": ("template", "jinja"),
    "jinja": ("template", "templating"),
    "req": ("request",),
    "resp": ("response",),
    "res": ("response",),
    "err": ("error",),
    "errors": ("exceptions",),
    "exception": ("error",),
    "exceptions": ("error", "errors"),
    "msg": ("message",),
    "msgs": ("messages",),
    "url": ("route", "routing"),
    "urls": ("routes", "routing"),
    "route": ("routing", "url"),
    "routes": ("routing", "url"),
    "view": ("route",),
    "docs": ("documentation",),
    "doc": ("documentation",),
    "swagger": ("openapi",),
    "openapi": ("swagger",),
    "ci": ("continuous", "integration"),
    "container": ("docker", "containerization"),
    "docker": ("container", "containerization"),
    "k8s": ("kubernetes",),
    "aws": ("amazon", "cloud"),
    "gcp": ("google", "cloud"),
    "cache": ("caching", "redis"),
    "debug": ("debugging", "debugger"),
    "bug": ("debugging", "error"),
    "logs": ("logging",),
    "log": ("logging",),
    "monitor": ("monitoring",),
    "upload": ("uploads", "files"),
    "admin": ("roles", "permissions", "authorization"),
    "admins": ("roles", "permissions", "authorization"),
    "restrict": ("access", "permissions", "authorization"),
    "protect": ("security", "protection"),
    "structure": ("organization", "modular", "modularize"),
    "organize": ("organization", "modular", "modularize"),
    "modular": ("modularize", "blueprints"),
    "permission": ("authorization", "role"),
    "permissions": ("authorization", "roles"),
    "rbac": ("role", "access", "control"),
    "oauth2": ("oauth",),
    "sso": ("oauth",),
    "hash": ("hashing",),
    "encrypt": ("hashing", "security"),
    "secure": ("security",),
    "security": ("secure",),
    "mock": ("mocking", "stub"),
    "fixture": ("fixtures",),
    "ratelimit": ("rate", "limiting"),
    "throttle": ("rate", "limiting", "throttling"),
    "paginate": ("pagination",),
    "paging": ("pagination",),
    "serialize": ("serialization", "json", "marshmallow"),
    "validate": ("validation", "validators"),
    "form": ("forms", "wtforms"),
    "cookie": ("session", "cookies"),
    "app": ("application",),
    "apps": ("applications",),
    "bp": ("blueprint",),
    "bps": ("blueprints",),
    "ctx": ("context",),
    "vs": ("differences",),
    "compare": ("differences",),
    "difference": ("differences",),
    "django": ("differences",),
    "server": ("wsgi", "gunicorn"),
    "wsgi": ("gunicorn", "server"),
    "proxy": ("nginx",),
    "scale": ("scaling",),
    "static": ("assets",),
    "css": ("static", "assets"),
    "images": ("static", "assets"),
}

# Multi-word forms -> one word (checked on adjacent query words).
PHRASES: dict[tuple[str, ...], str] = {
    ("log", "in"): "login",
    ("logging", "in"): "login",
    ("sign", "in"): "login",
    ("signing", "in"): "login",
    ("log", "out"): "logout",
    ("sign", "out"): "logout",
    ("sign", "up"): "signup",
    ("cross", "site", "request", "forgery"): "csrf",
    ("request", "forgery"): "csrf",
    ("cross", "site", "scripting"): "xss",
    ("json", "web", "token"): "jwt",
    ("json", "web", "tokens"): "jwt",
    ("object", "relational", "mapper"): "orm",
    ("object", "relational", "mapping"): "orm",
    ("role", "based"): "rbac",
    ("single", "sign", "on"): "sso",
    ("rate", "limit"): "ratelimit",
    ("web", "socket"): "websocket",
    ("web", "sockets"): "websocket",
    ("continuous", "integration"): "ci",
    ("hot", "reload"): "debug",
    ("auto", "reload"): "debug",
}


def expand_synonyms(word: str) -> tuple[str, ...]:
    """Other words a user may mean by ``word`` (not including ``word`` itself)."""
    return SYNONYMS.get(word, ())


_VOWELS = frozenset("aeiouy")

# Derivational suffixes, longest first, with the Porter "measure" the rest must
# have; applied repeatedly (ization -> ize -> ""), so a word family meets.
_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ational", "ate", 1),
    ("ization", "ize", 1),
    ("isation", "ize", 1),
    ("ibility", "", 1),
    ("ability", "", 1),
    ("iveness", "ive", 1),
    ("fulness", "ful", 1),
    ("ation", "ate", 1),
    ("ition", "", 1),
    ("ction", "ct", 1),
    ("ssion", "ss", 1),
    ("ement", "", 2),
    ("ment", "", 2),
    ("ness", "", 1),
    ("ator", "ate", 1),
    ("izer", "ize", 1),
    ("able", "", 1),
    ("ible", "", 1),
    ("ity", "", 1),
    ("ize", "", 2),
    ("ise", "", 2),
    ("ate", "", 2),
    ("al", "", 2),
    ("er", "", 1),
    ("ly", "", 1),
)


def _measure(base: str) -> int:
    """Porter's m: how many vowel-consonant runs ``base`` has (``local`` 2, ``loc`` 1)."""
    count, after_vowel = 0, False
    for i, ch in enumerate(base):
        vowel = ch in "aeiou" or (ch == "y" and i > 0 and base[i - 1] not in "aeiou")
        if after_vowel and not vowel:
            count += 1
        after_vowel = vowel
    return count


def _has_vowel(text: str) -> bool:
    return any(ch in _VOWELS for ch in text)


def _strip_plural(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ss", "us", "is")) or not word.endswith("s"):
        return word
    return word[:-1]


def _strip_inflection(word: str) -> str:
    if word.endswith("eed"):
        return word
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _has_vowel(base):
            if base.endswith(("at", "iz", "bl")):
                return base + "e"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                return base[:-1]
            return base
    return word


_SUFFIX_ENDINGS = tuple(suffix for suffix, _, _ in _SUFFIXES)


def _strip_derivation(word: str) -> str:
    for _ in range(4):
        if not word.endswith(_SUFFIX_ENDINGS):
            return word
        for suffix, replacement, measure in _SUFFIXES:
            if not word.endswith(suffix):
                continue
            base = word[: -len(suffix)]
            if len(base) >= 3 and _measure(base) >= measure:
                word = base + replacement
                break
            return word
        else:
            return word
    return word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Deterministic Porter-lite stem of a lowercase word (digits: unchanged)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _strip_inflection(_strip_plural(word))
    word = _strip_derivation(word)
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if word.endswith("y") and len(word) > 3 and word[-2] not in _VOWELS:
        word = word[:-1] + "i"
    return word


@lru_cache(maxsize=65536)
def osa_distance(a: str, b: str, bound: int) -> int:
    """Optimal-string-alignment distance of ``a`` and ``b``, or ``bound + 1`` if above it."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, before[j - 2] + 1)
            cur[j] = value
        if min(cur) > bound:
            return bound + 1
        before, prev = prev, cur
    return min(prev[-1], bound + 1)
