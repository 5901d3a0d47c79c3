"""The one source of abbreviations, synonyms and multi-word forms, for search and grading.

- ``EQUIVALENTS``: groups of words that mean the same thing (``db``/``database``,
  ``args``/``arguments``); ``canonical(word)`` is its group's first word, so the grader
  counts any member as the term.
- ``RELATED``: wider, one-way meanings a learner may have in mind when searching
  (``auth`` -> ``login``); never used to credit an answer.
- ``expand(word)``: every other word ``word`` may mean (its group, then related words).
- ``PHRASES``: multi-word forms said as one word (``logged in`` -> ``login``,
  ``global interpreter lock`` -> ``gil``), checked on adjacent words.

Words are surface words (folded, not stemmed); callers stem them as they stem the deck.
The lists name general software vocabulary, not one deck's questions.
"""

from __future__ import annotations

__all__ = ["EQUIVALENTS", "PHRASES", "RELATED", "canonical", "equivalents", "expand"]

EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("database", "db", "dbs", "datastore"),
    ("authentication", "auth", "authn", "authenticate", "authenticating", "authenticated"),
    ("authorization", "authz", "authorize", "authorise", "authorisation"),
    ("configuration", "config", "configs", "cfg", "conf", "configure", "settings"),
    ("environment", "env", "envs", "environments"),
    ("variable", "var", "vars", "variables"),
    ("application", "app", "apps", "applications"),
    ("request", "req", "reqs", "requests"),
    ("response", "resp", "res", "responses"),
    ("message", "msg", "msgs", "messages"),
    ("password", "pwd", "passwd", "passwords"),
    ("function", "func", "funcs", "fn", "callable", "callables", "functions"),
    ("parameter", "param", "params", "argument", "arguments", "args", "arg"),
    ("development", "dev"),
    ("production", "prod"),
    ("library", "lib", "libs", "libraries", "package", "packages"),
    ("directory", "dir", "dirs", "folder", "folders", "directories"),
    ("documentation", "docs", "doc"),
    ("specification", "spec", "specs"),
    ("template", "tpl", "tmpl", "templates"),
    ("javascript", "js"),
    ("typescript", "ts"),
    ("python", "py"),
    ("asynchronous", "async"),
    ("module", "modules", "modular", "modularize", "modularise", "modularity"),
    ("reuse", "reusable", "reusability", "reused", "reusing"),
    ("quick", "fast", "rapid", "rapidly", "quickly"),
    ("mock", "mocks", "stub", "stubs", "fake", "fakes", "patch"),
    ("limit", "limits", "throttle", "throttling", "quota", "quotas"),
    ("error", "errors", "exception", "exceptions", "err"),
    ("register", "registers", "registration", "registered", "registering"),
    ("url", "urls", "uri", "uris", "link", "links"),
    ("organize", "organise", "organization", "organisation", "structure", "structured"),
    ("cache", "caches", "caching", "cached", "memoize"),
    ("login", "signin", "logins"),
    ("secret", "secrets", "credentials", "credential"),
    ("kubernetes", "k8s"),
    ("internationalization", "i18n"),
    ("localization", "l10n"),
    ("websocket", "websockets", "ws"),
    ("blueprint", "blueprints", "bp", "bps"),
    ("context", "ctx"),
    ("csrf", "xsrf"),
    ("openapi", "swagger"),
    ("pagination", "paginate", "paging"),
    ("performance", "perf"),
    ("repository", "repo", "repos"),
    ("object", "obj", "objs"),
    ("dictionary", "dict", "dicts"),
    ("string", "str", "strings"),
    ("integer", "int", "ints"),
    ("boolean", "bool", "bools"),
    ("attribute", "attr", "attrs"),
    ("dependency", "dep", "deps", "dependencies"),
    ("implementation", "impl"),
    ("administrator", "admin", "admins"),
    ("advantage", "advantages", "pro", "pros", "benefit", "benefits", "strengths"),
    ("disadvantage", "disadvantages", "con", "cons", "drawback", "drawbacks", "downside"),
    ("procedure", "proc", "procs", "sproc", "sprocs", "procedures"),
)

# One-way: what a searcher may mean beyond the word itself (a group's words share
# the related words listed under the group's first word). A search matches any one of
# them, so an abbreviation lists only the rare words of its long form (``gil`` ->
# ``interpreter``, not ``lock``).
RELATED: dict[str, tuple[str, ...]] = {
    "auth": ("authorization", "login"),
    "authz": ("permissions", "roles"),
    "login": ("authentication",),
    "logout": ("login", "session"),
    "signup": ("register", "registration"),
    "password": ("credentials",),
    "database": ("sql",),
    "sql": ("database",),
    "orm": ("sqlalchemy", "relational", "mapper", "models"),
    "migration": ("migrate", "alembic"),
    "migrations": ("migrate", "alembic"),
    "api": ("rest", "restful", "endpoint"),
    "rest": ("restful", "api"),
    "restful": ("rest", "api"),
    "endpoint": ("route", "endpoints"),
    "jwt": ("token",),
    "token": ("jwt",),
    "csrf": ("forgery",),
    "xss": ("escaping", "injection"),
    "i18n": ("translation", "babel"),
    "l10n": ("translation",),
    "translation": ("internationalization", "localization", "babel"),
    "performance": ("optimization", "scaling"),
    "speed": ("performance", "optimization"),
    "slow": ("performance", "optimization"),
    "deploy": ("deployment", "production"),
    "prod": ("deployment",),
    "production": ("deployment",),
    "hosting": ("deployment", "cloud"),
    "test": ("testing", "pytest"),
    "tests": ("testing", "pytest"),
    "unittest": ("testing", "unit"),
    "async": ("background", "celery", "await", "coroutine"),
    "background": ("celery", "asynchronous", "tasks"),
    "queue": ("celery", "background"),
    "job": ("task", "background"),
    "jobs": ("tasks", "background"),
    "celery": ("background", "tasks"),
    "websocket": ("socketio", "realtime"),
    "html": ("template", "jinja"),
    "jinja": ("template", "templating"),
    "errors": ("exceptions",),
    "url": ("route", "routing"),
    "urls": ("routes", "routing"),
    "route": ("routing", "url"),
    "routes": ("routing", "url"),
    "view": ("route",),
    "ci": ("continuous", "integration", "pipeline"),
    "cd": ("continuous", "delivery", "deployment", "pipeline"),
    "container": ("docker", "containerization"),
    "docker": ("container", "containerization"),
    "aws": ("amazon", "cloud"),
    "gcp": ("google", "cloud"),
    "cache": ("redis",),
    "debug": ("debugging", "debugger"),
    "bug": ("debugging", "error"),
    "logs": ("logging",),
    "log": ("logging",),
    "monitor": ("monitoring",),
    "upload": ("uploads", "files"),
    "administrator": ("roles", "permissions", "authorization"),
    "restrict": ("access", "permissions", "authorization"),
    "protect": ("security", "protection"),
    "structure": ("modular", "modularize"),
    "organize": ("modular", "modularize"),
    "modular": ("blueprints",),
    "permission": ("authorization", "role"),
    "permissions": ("authorization", "roles"),
    "rbac": ("role", "access", "control"),
    "oauth2": ("oauth",),
    "sso": ("oauth",),
    "hash": ("hashing",),
    "encrypt": ("hashing", "security", "encryption"),
    "secure": ("security",),
    "security": ("secure",),
    "fixture": ("fixtures",),
    "ratelimit": ("rate", "limiting"),
    "serialize": ("serialization", "json"),
    "validate": ("validation", "validators"),
    "form": ("forms",),
    "cookie": ("session", "cookies"),
    "vs": ("differences", "difference", "compare"),
    "compare": ("differences", "difference"),
    "difference": ("differences", "compare"),
    "server": ("wsgi",),
    "wsgi": ("server",),
    "scale": ("scaling",),
    "static": ("assets",),
    "css": ("static", "assets"),
    "images": ("static", "assets"),
    "di": ("injection", "injector"),
    "hoc": ("higher",),
    "drf": ("rest", "framework"),
    "tdd": ("driven",),
    "mvc": ("controller", "controllers"),
    "gc": ("garbage",),
    "golang": ("go",),
    "gil": ("interpreter",),
    "oop": ("object", "oriented", "classes"),
    "regex": ("regular", "regexp", "re"),
}

# Multi-word forms -> one word (checked on adjacent words).
PHRASES: dict[tuple[str, ...], str] = {
    ("log", "in"): "login",
    ("logged", "in"): "login",
    ("logging", "in"): "login",
    ("logs", "in"): "login",
    ("sign", "in"): "login",
    ("signed", "in"): "login",
    ("signing", "in"): "login",
    ("log", "out"): "logout",
    ("logged", "out"): "logout",
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

_CANONICAL: dict[str, str] = {word: group[0] for group in EQUIVALENTS for word in group}
_GROUP_OF: dict[str, tuple[str, ...]] = {word: group for group in EQUIVALENTS for word in group}


def canonical(word: str) -> str:
    """The first word of ``word``'s group of equivalents, or ``word`` itself."""
    return _CANONICAL.get(word, word)


def equivalents(word: str) -> tuple[str, ...]:
    """The other words of ``word``'s group: the same meaning (``db`` -> ``database``)."""
    return tuple(w for w in _GROUP_OF.get(word, ()) if w != word)


def expand(word: str) -> tuple[str, ...]:
    """Other words a learner may mean by ``word`` (equivalents first, then related)."""
    found = dict.fromkeys(_GROUP_OF.get(word, ()))
    found.update(dict.fromkeys(RELATED.get(word, ())))
    found.update(dict.fromkeys(RELATED.get(_CANONICAL.get(word, word), ())))
    found.pop(word, None)
    return tuple(found)
