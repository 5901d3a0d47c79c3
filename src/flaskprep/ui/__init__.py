"""Rich renderables for flaskprep's core types (no typer here)."""
