"""``preview -m choice`` and quiz options on screen: readable options from HTML-ish decks."""

from __future__ import annotations

import io
import random
from pathlib import Path

from rich.console import Console

from flaskprep.deck_cache import load_deck
from flaskprep.learn.prompts import build_prompts
from flaskprep.ui.answer_text import plain_option
from flaskprep.ui.preview_view import render_preview

NBSP = "&nbsp;" * 3


def _details(question: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{NBSP}{text}</p>" for text in paragraphs)
    return f"<details><summary>{question}</summary><p></p>{body}</details>\n\n"


HTML_DECK = "## Questions\n\n" + "".join(
    (
        _details("Where does Django keep migrations?", "☒ Filesystem", "☐ Cache"),
        _details("Which command makes migrations?", "☒ ./manage.py makemigrations"),
        _details("What does the admin give you?", "A web interface &amp; forms for models"),
        _details("How are signals sent?", "Call <code>send()</code>; `<b>` stays in code"),
    )
)


def test_plain_option_drops_tags_and_entities_but_keeps_code() -> None:
    assert plain_option("<p>&nbsp;A &amp; B</p><p>C</p>") == "A & B C"
    assert plain_option("use `<br>` for a break<br/>then") == "use `<br>` for a break then"
    assert plain_option("a < b and c > d") == "a < b and c > d"


def test_preview_choice_options_read_as_text_and_hang_under_their_text(tmp_path: Path) -> None:
    path = tmp_path / "django.md"
    path.write_text(HTML_DECK, encoding="utf-8")
    deck = load_deck(path)
    prompts = build_prompts(deck, list(deck.questions), "choice", random.Random(0))
    console = Console(file=io.StringIO(), width=60, color_system=None)
    console.print(render_preview(prompts, "choice"))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "&nbsp;" not in out and "<p>" not in out and "</p>" not in out, out
    assert "&amp;" not in out, out
    for line in out.splitlines():
        stripped = line.lstrip()
        if line.startswith(" ") and stripped and stripped[0] not in "✓1234":
            assert len(line) - len(stripped) >= 8, out  # a wrapped line, under its text
