"""Where things are: :class:`Span` (offsets into the source) and, at the edge, 1-based
:class:`Position` through :class:`LineIndex`."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from ..textutil import MEDIAWIKI_WHITESPACE, mediawiki_trim


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code-point offsets into the article source."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def trimmed(self, text: str) -> Span:
        """This span without the whitespace MediaWiki trims from parameter values at either
        end of ``text[start:end]``, so that it covers exactly a ``Param.value``."""
        inner = text[self.start : self.end]
        stripped = mediawiki_trim(inner)
        if not stripped:
            return Span(self.start, self.start)
        leading = len(inner) - len(inner.lstrip(MEDIAWIKI_WHITESPACE))
        return Span(self.start + leading, self.start + leading + len(stripped))


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and 1-based column counted in code points."""

    line: int
    column: int


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Converts offsets to positions by bisecting a table of line starts.

    ``\\n``, ``\\r\\n`` and a lone ``\\r`` all end a line, so positions agree with what editors
    show for files with any line-ending convention.
    """

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        if "\r" in text:
            starts = [0]
            starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
        else:  # the usual text: line lengths added up in C, twice as fast as the regex
            lengths = map(len, text.split("\n")[:-1])
            starts = list(accumulate(map((1).__add__, lengths), initial=0))
        self._starts = starts
        self._length = len(text)

    def position(self, offset: int) -> Position:
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        line = bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def offset(self, position: Position) -> int:
        """The offset of a position; the inverse of :meth:`position`."""
        return self._starts[position.line - 1] + position.column - 1
