"""The typed-answer line editor: keys edit the text, escape sequences never land in it."""

from __future__ import annotations

from flaskprep.cli.line_editor import LineEditor


def typed(editor: LineEditor, *keys: str) -> str:
    for key in keys:
        editor.press(key)
    return editor.text


def test_characters_are_typed_in_order() -> None:
    assert typed(LineEditor("> ", 80), *"url_for") == "url_for"


def test_left_and_right_move_where_the_next_character_goes() -> None:
    editor = LineEditor("> ", 80)
    assert typed(editor, *"abc", "left", "left", "X", "right", "Y") == "aXbYc"


def test_home_end_delete_backspace_and_kill() -> None:
    editor = LineEditor("> ", 80)
    assert typed(editor, *"abc", "home", "delete", "end", "Z") == "bcZ"
    assert typed(editor, "backspace", "left", "backspace") == "c"
    assert typed(editor, *"xy", "kill") == "c"


def test_unknown_keys_and_control_characters_change_nothing() -> None:
    editor = LineEditor("> ", 80)
    typed(editor, *"ok")
    assert editor.press("ignore") == ""
    assert editor.press("\x1b") == ""
    assert editor.press("\x00") == ""
    assert editor.text == "ok"


def test_redraw_puts_the_cursor_back_after_a_wrapped_line() -> None:
    editor = LineEditor("> ", 10)
    typed(editor, *"abcdefghijkl")  # 14 cells: two rows
    out = editor.press("home")
    assert "> abcdefghijkl" in out
    assert out.endswith("\r\x1b[1A\x1b[2C")  # up to the first row, after the prompt
    assert editor.finish() == "\x1b[1B\r\n"
