"""Answers remembered by the object that gives them, within a bound.

wikicheck caches in two ways only: data tables loaded once per process (``functools.cache`` on
a loader that takes no argument, so one value each), and per-name answers kept by the table
that answers them in a :class:`BoundedMemo`. No module-level cache grows with its inputs:
over a whole-dump scan the distinct template and parameter names run into the millions.
(Per-article analyses shared by rules are ``RuleContext.memo``, dropped with the article.)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    """A dictionary of answers, emptied when it holds ``limit`` of them.

    A page asks about the same few dozen names again and again, so the hit rate stays high;
    emptying it now and then bounds memory without the bookkeeping of an LRU.
    """

    __slots__ = ("_answers", "_limit")

    def __init__(self, limit: int = 100_000) -> None:
        self._answers: dict[K, V] = {}
        self._limit = limit

    def get(self, key: K, compute: Callable[[], V]) -> V:
        try:
            return self._answers[key]
        except KeyError:
            if len(self._answers) >= self._limit:
                self._answers.clear()
            value = self._answers[key] = compute()
            return value

    def __len__(self) -> int:
        return len(self._answers)
