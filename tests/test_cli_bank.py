"""browse, show, search and resources through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import run


def test_browse_lists_the_seed_sections_with_counts() -> None:
    result = run("browse")
    assert result.exit_code == 0
    assert "1  Flask Fundamentals" in result.stdout
    assert "10  Common Interview Questions" in result.stdout
    assert "63" in result.stdout


def test_browse_json_matches_the_seed_exactly() -> None:
    doc = json.loads(run("browse", "--json").stdout)
    assert doc["deck"]["title"] == "Flask Interview Preparation"
    assert [s["number"] for s in doc["sections"]] == list(range(1, 11))
    assert sum(len(s["questions"]) for s in doc["sections"]) == 63
    assert len(doc["resources"]) == 5
    second = doc["sections"][1]["questions"][1]
    assert second["question"] == "URL building with `url_for`"
    assert second["answer"].startswith("`url_for` generates URLs from endpoint names")
    ids = [q["id"] for s in doc["sections"] for q in s["questions"]]
    assert len(set(ids)) == 63


def test_browse_one_section_by_number_and_by_title_part() -> None:
    by_number = run("browse", "3")
    by_title = run("browse", "templates")
    assert by_number.exit_code == by_title.exit_code == 0
    assert "Template inheritance" in by_number.stdout
    assert by_number.stdout == by_title.stdout


def test_browse_unknown_section_is_one_line_exit_2() -> None:
    result = run("browse", "quantum physics")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "no section matches" in result.stderr


def test_show_by_position_prefix_and_full_id() -> None:
    doc = json.loads(run("browse", "--json").stdout)
    qid = doc["sections"][1]["questions"][1]["id"]
    for ref in ("2.2", qid, qid[:5]):
        result = run("show", ref)
        assert result.exit_code == 0, ref
        assert "URL building with `url_for`" in result.stdout
        assert "Routing and Views" in result.stdout


def test_show_unknown_id_is_a_clear_error() -> None:
    result = run("show", "zzzzzzzz")
    assert result.exit_code == 2
    assert "no question with id 'zzzzzzzz'" in result.stderr
    assert "Traceback" not in result.stderr


def test_search_blueprint_ranks_a_blueprint_question_first() -> None:
    hits = json.loads(run("search", "blueprint", "--json").stdout)["hits"]
    assert "Blueprint" in hits[0]["question"]


def test_search_typo_and_identifier() -> None:
    typo = json.loads(run("search", "bluprint", "--json").stdout)["hits"]
    assert any("Blueprint" in hit["question"] for hit in typo[:3])
    ident = json.loads(run("search", "url_for", "--json").stdout)["hits"]
    assert ident[0]["question"] == "URL building with `url_for`"


def test_search_answers_flag_prints_answers() -> None:
    result = run("search", "blueprint", "--answers", "--limit", "1")
    assert result.exit_code == 0
    assert "deferred configuration" in result.stdout


def test_search_no_hits_exits_1_with_one_line() -> None:
    result = run("search", "kubernetesoperatorzzz")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert 'no question matches "kubernetesoperatorzzz"' in result.stderr


def test_search_off_topic_is_refused_in_one_line_naming_closest_deck_terms() -> None:
    result = run("search", "send", "email")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert 'no question matches "send email"' in result.stderr
    mixed = run("search", "kubernetes", "blueprints", "deployment")
    assert mixed.exit_code == 1
    assert (
        'nothing in the deck says "kubernetes"; terms the deck has: blueprints, deploy'
        in mixed.stderr
    )
    assert "error" not in result.stderr + mixed.stderr  # an answer, as grep's exit 1 is


def test_search_misspelt_beyond_reach_suggests_the_deck_word_in_the_one_line() -> None:
    result = run("search", "bluprnt")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert 'no question matches "bluprnt"' in result.stderr
    assert "did you mean blueprints?" in result.stderr


def test_search_section_filter() -> None:
    hits = json.loads(run("search", "blueprint", "--section", "10", "--json").stdout)["hits"]
    assert hits
    assert all(hit["section"].startswith("10.") for hit in hits)


def test_missing_deck_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    result = run("--deck", str(missing), "search", "blueprint")
    assert result.exit_code == 2
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr


def test_resources_lists_the_seed_links() -> None:
    result = run("resources")
    assert result.exit_code == 0
    assert "Flask Documentation" in result.stdout
    assert "https://flask.palletsprojects.com/" in result.stdout


def test_output_to_a_pipe_has_no_escape_sequences() -> None:
    for args in (["browse"], ["browse", "2"], ["show", "2.2"], ["search", "blueprint"]):
        result = run(*args)
        assert "\x1b" not in result.stdout, args


def test_no_color_env_strips_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = run("search", "blueprint")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout


def test_color_always_styles_output() -> None:
    result = run("--color", "always", "search", "blueprint")
    assert "\x1b[" in result.stdout


def test_version_flag() -> None:
    from flaskprep import __version__

    assert run("--version").stdout.strip() == f"flaskprep {__version__}"


def test_search_with_no_words_is_a_usage_error() -> None:
    for query in ("", "   "):
        result = run("search", query)
        assert result.exit_code == 2
        assert "search needs words" in result.stderr


def test_search_no_hit_in_chosen_section_points_elsewhere() -> None:
    result = run("search", "testing", "--section", "5")
    assert result.exit_code == 1
    assert "match in other sections" in result.stderr
    assert result.stderr.count("\n") == 1


def test_help_examples_name_real_ids() -> None:
    assert "Blueprints and application factories" in run("show", "41cd").stdout


def test_piped_output_has_no_padding_spaces() -> None:
    for args in (["show", "2.2"], ["browse", "2"], ["search", "blueprint", "--answers"]):
        lines = run(*args).stdout.splitlines()
        assert lines, args
        assert all(line == line.rstrip(" ") for line in lines), args


def test_search_says_how_many_more_match_beyond_the_limit() -> None:
    few = run("search", "request", "--limit", "3")
    assert few.exit_code == 0
    last = few.stdout.strip().splitlines()[-1]
    more, _, rest = last.partition(" more match; --limit ")
    total = int(rest.split()[0])
    assert int(more) == total - 3
    every = run("search", "request", "--limit", str(total))
    assert "more match" not in every.stdout
    assert every.stdout.count("\n") > few.stdout.count("\n")


def test_an_identifier_query_lists_no_tail_of_hits_on_one_of_its_parts() -> None:
    """``current_app`` finds the application context, not every answer that says ``app``."""
    result = run("search", "current_app")
    assert result.exit_code == 0
    titles = [line for line in result.stdout.splitlines() if line[:3].strip().endswith(".")]
    assert titles[:2] == [
        " 1. Explain the Flask application context.",
        " 2. Application and request contexts",
    ]
    assert len(titles) <= 3 and "more match" not in result.stdout


def test_browse_and_search_show_titles_without_their_markdown(tmp_path: Path) -> None:
    deck = tmp_path / "docker.md"
    deck.write_text(
        "# Docker\n\n## 1. What is _Docker_, and how is it different from _virtual machines_?"
        " [[src](http://example.com/a)]\n\nA platform for containers sharing the host kernel.\n",
        encoding="utf-8",
    )
    for args in (("browse", "1"), ("search", "virtual machines")):
        result = run("--deck", str(deck), *args)
        assert result.exit_code == 0, result.stderr
        assert "What is Docker, and how is it different from virtual machines?" in " ".join(
            result.stdout.split()
        )
        assert "_Docker_" not in result.stdout and "src" not in result.stdout


def test_a_search_for_words_the_deck_lacks_names_them_all_and_points_at_a_section() -> None:
    lacking = run("search", "kubernetes", "pods")
    assert lacking.exit_code == 1
    assert 'nothing in the deck says "kubernetes", "pods"' in lacking.stderr
    titled = run("search", "fundamentals")  # only section 1's title, "Flask Fundamentals"
    assert '"fundamentals" names section 1: flaskprep browse 1' in titled.stderr
