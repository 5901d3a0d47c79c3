"""Write synthetic decks in the seed deck's layout, deterministically.

The layout mirrors ``seeds/flask-interview-prep.md``: a ``# Title``, a table of
contents, ``## N. Title`` sections of ``- question`` bullets each followed by an
indented ``  - **Answer:** ...`` bullet, a ``---`` rule and a ``### Additional
Resources`` list of links. The same ``(questions, seed)`` always gives the same
bytes, so figures from different runs compare like with like. About 1 question
in 60 mentions "blueprint", so ``search blueprint`` has a realistic hit count.

Usage: ``python bench/generate_deck.py 10000 deck.md``
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

PER_SECTION = 50


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


TOPICS = _words(
    "blueprints|application factories|request contexts|the app context|url_for|"
    "Jinja2 templates|template filters|static files|flash messages|WTForms|"
    "CSRF protection|file uploads|SQLAlchemy sessions|Flask-Migrate|"
    "model relationships|raw SQL|Flask-Login|password hashing|role checks|OAuth|"
    "JWT tokens|cookie sessions|REST resources|Marshmallow schemas|API versioning|"
    "OpenAPI docs|rate limiting|pytest fixtures|the test client|the debugger|logging|"
    "error handlers|Gunicorn workers|Nginx proxies|Docker images|Celery tasks|caching|"
    "signals|config objects|CLI commands|middleware|CORS|WebSockets|"
    "streaming responses|async views|Babel"
)
ASPECTS = _words(
    "performance|security|testing|error handling|configuration|deployment|"
    "thread safety|memory use|observability|migrations|scaling|validation|packaging|"
    "dependency injection|lazy loading|retries|timeouts|pagination"
)
TEMPLATES = (
    "How do you approach {aspect} for {topic}?",
    "What pitfalls of {topic} affect {aspect}?",
    "Explain {topic} with respect to {aspect}.",
    "When would you avoid {topic} because of {aspect}?",
    "Compare two ways to handle {aspect} in {topic}.",
    "What does {topic} change about {aspect}?",
)
VERBS = _words(
    "register|wrap|isolate|configure|validate|cache|stream|defer|inject|monitor|"
    "serialise|retry|log|scope|profile|document"
)
NOUNS = _words(
    "the app instance|each request|a worker process|the session|a route|"
    "the database engine|the template loader|an extension|the config|a background job|"
    "the response|the test client|a CLI group|the cache"
)
CODE = ("`app.config`", "`g`", "`current_app`", "`request.args`", "`url_for`", "`abort(404)`")
SECTION_WORDS = _words(
    "Fundamentals|Routing|Templates|Forms|Databases|Security|APIs|Testing|Deployment|"
    "Extensions|Performance|Architecture"
)
RESOURCES = (
    ("Flask Documentation", "https://flask.palletsprojects.com/"),
    ("Flask GitHub Repository", "https://github.com/pallets/flask"),
    ("Werkzeug Documentation", "https://werkzeug.palletsprojects.com/"),
    ("Jinja Documentation", "https://jinja.palletsprojects.com/"),
    ("Awesome Flask", "https://github.com/humiaozuzu/awesome-flask"),
)


def _question(rng: random.Random, seen: set[str]) -> str:
    text = rng.choice(TEMPLATES).format(topic=rng.choice(TOPICS), aspect=rng.choice(ASPECTS))
    if text in seen:
        text = f"{text[:-1]} (case {len(seen) + 1}){text[-1]}"
    seen.add(text)
    return text


def _answer(rng: random.Random, with_blueprint: bool) -> str:
    parts = [
        f"{rng.choice(VERBS).capitalize()} {rng.choice(NOUNS)} and {rng.choice(VERBS)} "
        f"{rng.choice(NOUNS)} through {rng.choice(CODE)}"
        for _ in range(rng.randint(1, 3))
    ]
    if with_blueprint:
        parts.append("keep it inside a Blueprint so it can be registered per app")
    return "; ".join(parts) + "."


def _section_title(rng: random.Random, number: int) -> str:
    return f"{rng.choice(SECTION_WORDS)} and {rng.choice(SECTION_WORDS)} {number}"


def _anchor(number: int, title: str) -> str:
    return f"{number}-" + "-".join(title.lower().split())


SNIPPETS = (
    (
        "python",
        ('bp = Blueprint("admin", __name__)', 'app.register_blueprint(bp, url_prefix="/a")'),
    ),
    (
        "python",
        ('@app.route("/items/<int:item_id>")', "def item(item_id):", "    return load(item_id)"),
    ),
    (
        "python",
        ("with app.test_client() as client:", '    assert client.get("/").status_code == 200'),
    ),
    ("sh", ("flask --app wsgi run --debug",)),
    ("sql", ("SELECT id, name FROM users WHERE active = 1;",)),
    (
        "python",
        (
            "class Config:",
            '    SECRET_KEY = os.environ["KEY"]',
            "",
            "app.config.from_object(Config)",
        ),
    ),
)
FOLLOW_UPS = (
    "Measure before and after, and keep the change small enough to review.",
    "In an interview, name the trade-off and when you would choose the other way.",
    "Mention how you would test it with the test client.",
)


def _code_block(rng: random.Random) -> list[str]:
    language, lines = rng.choice(SNIPPETS)
    return ["", f"    ```{language}", *(f"    {line}" if line else "" for line in lines), "    ```"]


def realistic(questions: int, seed: int = 0) -> str:
    """A deck in the seed layout with what real decks have and ``generate``'s lack.

    Sections of 3 to 10 questions (about 16 per 100 questions), a fenced code block
    under one answer in five, and one answer in forty with a second paragraph, a
    shape the fast reader leaves to markdown-it.
    """
    rng = random.Random(seed)
    seen: set[str] = set()
    sizes: list[int] = []
    while sum(sizes) < questions:
        sizes.append(min(rng.randint(3, 10), questions - sum(sizes)))
    titles = [_section_title(rng, n) for n in range(1, len(sizes) + 1)]
    lines = [f"# Realistic Flask Deck ({questions} questions)", "", "## Table of Contents"]
    lines += [f"{n}. [{t}](#{_anchor(n, t)})" for n, t in enumerate(titles, 1)]
    lines += ["", "---", ""]
    for number, (title, size) in enumerate(zip(titles, sizes, strict=True), 1):
        lines += [f"## {number}. {title}", ""]
        for _ in range(size):
            lines.append(f"- {_question(rng, seen)}")
            lines.append(f"  - **Answer:** {_answer(rng, rng.random() < 1 / 60)}")
            if rng.random() < 1 / 5:
                lines += _code_block(rng)
            if rng.random() < 1 / 40:
                lines += ["", f"    {rng.choice(FOLLOW_UPS)}"]
        lines.append("")
    lines += ["---", "", "### Additional Resources"]
    lines += [f"- [{title}]({url})" for title, url in RESOURCES]
    return "\n".join(lines) + "\n"


def generate(questions: int, seed: int = 0) -> str:
    """The text of a deck with ``questions`` questions in the seed layout."""
    rng = random.Random(seed)
    seen: set[str] = set()
    count = max(1, -(-questions // PER_SECTION))
    titles = [_section_title(rng, n) for n in range(1, count + 1)]
    lines = [f"# Synthetic Flask Deck ({questions} questions)", "", "## Table of Contents"]
    lines += [f"{n}. [{t}](#{_anchor(n, t)})" for n, t in enumerate(titles, 1)]
    lines += ["", "---", ""]
    left = questions
    for number, title in enumerate(titles, 1):
        lines.append(f"## {number}. {title}")
        for _ in range(min(PER_SECTION, left)):
            lines.append(f"- {_question(rng, seen)}")
            lines.append(f"  - **Answer:** {_answer(rng, rng.random() < 1 / 60)}")
        left -= PER_SECTION
        lines.append("")
    lines += ["---", "", "### Additional Resources"]
    lines += [f"- [{title}]({url})" for title, url in RESOURCES]
    return "\n".join(lines) + "\n"


def write_deck(path: Path, questions: int, seed: int = 0, style: str = "plain") -> Path:
    """Write a ``plain`` (``generate``) or ``realistic`` deck of ``questions`` questions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = realistic(questions, seed) if style == "realistic" else generate(questions, seed)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=int, help="number of questions")
    parser.add_argument("output", type=Path, help="file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--style",
        choices=("plain", "realistic"),
        default="plain",
        help="deck shape (default plain)",
    )
    args = parser.parse_args(argv)
    write_deck(args.output, args.questions, args.seed, args.style)
    return 0


if __name__ == "__main__":
    sys.exit(main())
