"""Import every command module so its commands register on the app."""

from __future__ import annotations

from flaskprep.cli import bank_cmd as bank_cmd
from flaskprep.cli import export_cmd as export_cmd
from flaskprep.cli import lint_cmd as lint_cmd
from flaskprep.cli import quiz_cmd as quiz_cmd
from flaskprep.cli import search_cmd as search_cmd
from flaskprep.cli import study_cmd as study_cmd
from flaskprep.cli.app import app as app

__all__ = ["app"]
