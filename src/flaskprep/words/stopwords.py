"""Words that carry no weight in a question or a query."""

from __future__ import annotations

__all__ = ["STOP_WORDS"]

_STOP_TEXT = """a about above after again all also am an and any are as at be been before
    being both but by can cannot could did do does doing done dont each else etc
    even ever for from get gets got had has have having he her here hers him his
    how however i id if im in into is isnt it its itself ive just let lets me
    might more most much must my myself no nor not now of off on once only onto
    or other our ours out over own please same she should so some such than that
    thats the their theirs them then there these they thing things this those
    through to too under until up upon us versus very via vs was way we were what whats
    when where which while who whom whose why will with within without would yet
    you youd youll your youre yours youve
    although though whereas whilst because since unless whether either neither
    therefore thus hence moreover furthermore meanwhile otherwise respectively namely"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())
