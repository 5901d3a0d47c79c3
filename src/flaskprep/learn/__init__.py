"""Learning: quiz modes, prompts, the session state machine, picking and recording.

- :mod:`~flaskprep.learn.modes`: the one list of quiz modes.
- :mod:`~flaskprep.learn.prompts`: one prompt per question (choice, true/false, cloze).
- :mod:`~flaskprep.learn.distractors`, :mod:`~flaskprep.learn.overlap`: wrong answers
  that are fair (never from an overlapping question) and plausible.
- :mod:`~flaskprep.learn.cloze`: which terms of an answer to blank.
- :mod:`~flaskprep.learn.session`: the quiz as a state machine with learning steps.
- :mod:`~flaskprep.learn.picking`: which questions a quiz asks.
- :mod:`~flaskprep.learn.recording`: where grades go (the progress store, or nowhere).
"""
