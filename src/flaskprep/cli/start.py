"""What bare ``flaskprep`` prints: where to start and where progress lives."""

from __future__ import annotations

from flaskprep import paths


def start_guide() -> str:
    return f"""flaskprep: Flask interview questions in your terminal.

Start here:
  flaskprep quiz               today's questions (Enter shows the answer, 1-4 grade it)
  flaskprep search blueprint   find questions, typos and all
  flaskprep browse             the sections and their questions
  flaskprep stats              where you stand

Your progress is saved in {paths.progress_file()}
Use your own notes with --deck FILE.md. Every command has --help; all commands:
flaskprep --help
"""
