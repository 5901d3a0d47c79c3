"""Question titles: code spans as code, ids once, positions aligned."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from cli_runner import run
from flaskprep.ui.answer_text import render_title


def test_code_spans_in_titles_keep_backticks_without_colour() -> None:
    plain = Console(file=io.StringIO(), width=80, color_system=None)
    plain.print(render_title("URL building with `url_for`"))
    assert plain.file.getvalue().strip() == "URL building with `url_for`"  # type: ignore[attr-defined]


def test_code_spans_in_titles_are_styled_as_code_in_colour() -> None:
    title = render_title("URL building with `url_for`")
    code = [span for span in title.spans if span.style == "markdown.code"]
    assert [title.plain[s.start : s.end] for s in code] == ["url_for"]


def test_show_prints_the_id_once() -> None:
    result = run("show", "1.4")
    assert result.exit_code == 0
    assert result.stdout.count("41cd9b08") == 1


def test_browse_aligns_positions_past_nine() -> None:
    lines = run("browse", "10", "--no-pager").stdout.splitlines()
    heads = [line for line in lines if line[:4].startswith("10.") and line[3].isdigit()]
    assert len(heads) >= 10
    columns = {line.index(line.split()[1]) for line in heads}  # where each id starts
    assert len(columns) == 1, heads


@pytest.mark.parametrize("columns", ["60", "80", "100"])
def test_stats_and_decks_headers_are_whole_at_any_width(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("quiz", "-n", "3", stdin="\n3\n\n1\n\n4\n").exit_code == 0
    monkeypatch.setenv("COLUMNS", columns)
    for args in (("stats",), ("decks",)):
        result = run(*args)
        assert result.exit_code == 0
        assert "…" not in result.stdout, result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)
    assert "Retention" in run("stats").stdout
