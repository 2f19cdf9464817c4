"""Code frames for the text report: the source line of a finding, windowed around it on the
long lines of wikitext, with the flagged range marked ``^``.

::

       |
    12 | …was born on 5 Mai 2010 in Paris…
       |              ^^^^^^^^^^
       = help: Write "5 May 2010" (safe)

A line longer than :data:`WIDTH` characters is cut to a window around the finding, ``…``
marking what is left out; a range longer than the window is marked up to the window's end.
Control characters are escaped as everywhere else (:mod:`.escape`), the marks follow the
escaped text, and a tab is shown as one space so that the marks stay under their text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..findings import Finding
from .escape import visible

WIDTH = 100
"""Characters of source shown at most on a frame's line (the marks stay within it)."""
_BREAK = re.compile(r"\r\n|\r|\n")  # the model's line breaks (wikicheck.model.LineIndex)


@lru_cache(maxsize=8)  # findings of one file come together
def _lines(text: str) -> list[str]:
    return _BREAK.split(text)


def _shown(text: str) -> str:
    return visible(text.replace("\t", " "))


def window(line: str, start: int, end: int, width: int = WIDTH) -> tuple[str, int, int]:
    """The part of ``line`` shown for the range ``start``–``end`` (0-based, end exclusive):
    the text with ``…`` where it was cut, and where the marks start and how many there are."""
    end = min(max(end, start + 1), len(line)) if line else start
    if end - start > width - 20:
        end = start + width - 20
    margin = max(10, (width - (end - start)) // 2)
    low = max(0, start - margin)
    high = min(len(line), max(end + margin, low + width))
    low = max(0, min(low, high - width))
    before = ("…" if low > 0 else "") + _shown(line[low:start])
    marked = _shown(line[start:end])
    after = _shown(line[end:high]) + ("…" if high < len(line) else "")
    return before + marked + after, len(before), max(1, len(marked))


def frame(finding: Finding, text: str, hint: str | None = None) -> list[str]:
    """The frame's lines for ``finding`` in ``text``, ending with ``= help: hint``."""
    lines = _lines(text)
    number = finding.start.line
    if not 1 <= number <= len(lines):
        return []
    line = lines[number - 1]
    start = finding.start.column - 1
    end = finding.end.column - 1 if finding.end.line == number else len(line)
    shown, offset, marks = window(line, start, end)
    gutter = " " * len(str(number))
    lines = [
        f"{gutter} |",
        f"{number} | {shown}".rstrip(),
        f"{gutter} | {' ' * offset}{'^' * marks}",
    ]
    if hint is not None:
        lines.append(f"{gutter} = help: {hint}")
    return lines
