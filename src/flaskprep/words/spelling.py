"""How far apart two spellings are: a bounded Damerau (optimal string alignment) distance."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["osa_distance"]


@lru_cache(maxsize=65536)
def osa_distance(a: str, b: str, bound: int) -> int:
    """Optimal-string-alignment distance of ``a`` and ``b``, or ``bound + 1`` if above it."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, before[j - 2] + 1)
            cur[j] = value
        if min(cur) > bound:
            return bound + 1
        before, prev = prev, cur
    return min(prev[-1], bound + 1)
