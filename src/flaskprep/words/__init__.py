"""Words, shared by search and grading: one source for each piece of word knowledge.

- ``tokens``: ``fold``, ``tokenize``, ``camel_parts``, ``normalise`` (the one text
  normaliser), ``WORD_PATTERN``, ``CAMEL_PART``.
- ``stems``: ``stem`` (Porter-lite; word families meet).
- ``spelling``: ``osa_distance`` (typos).
- ``stopwords``: ``STOP_WORDS``.
- ``synonyms``: ``canonical``, ``expand``, ``PHRASES`` (the one abbreviation and synonym
  source: ``db``/``database``, ``logged in``/``login``).
- ``weights``: ``weight`` (general informativeness from English word frequencies).

Import the module you need (``from flaskprep.words.stems import stem``); this package
file imports nothing, so using one piece loads only that piece.
"""
