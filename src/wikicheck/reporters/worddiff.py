"""``lint --diff`` as a reviewer reads it on wikitext.

A wikitext paragraph is one line of up to several thousand characters, so a line diff of a
one-parameter fix is two such lines. Short lines keep the unified diff (``-``/``+``); a
changed line longer than :data:`LONG` characters, paired with its new version, is shown once
as a word diff instead, only around the changes: ``~ …context [-old-]{+new+} context…``.
The output is for reading; a patch for ``git apply`` is the file ``--fix`` writes.
"""

from __future__ import annotations

import difflib
import re

LONG = 160
"""Changed lines longer than this are shown as a word diff."""
CONTEXT = 40
"""Characters of unchanged text kept on each side of a change in a word diff."""

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def readable_diff(old: str, new: str, path: str) -> str:
    """The unified diff of ``old`` → ``new`` with long changed lines as word diffs; ``""``
    when the texts are the same."""
    lines = list(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("-") and not line.startswith("---"):
            removed = _run(lines, index, "-")
            added = _run(lines, index + len(removed), "+")
            pairs = len(removed) == len(added)
            if pairs and any(len(text) > LONG for text in removed + added):
                out += [
                    f"~ {word_diff(a[1:], b[1:])}\n" for a, b in zip(removed, added, strict=True)
                ]
            else:
                out += removed + added
            index += len(removed) + len(added)
            continue
        out.append(line)
        index += 1
    return "".join(out)


def _run(lines: list[str], start: int, mark: str) -> list[str]:
    end = start
    while end < len(lines) and lines[end].startswith(mark):
        end += 1
    return lines[start:end]


def word_diff(old: str, new: str, context: int = CONTEXT) -> str:
    """The changes between two versions of a line, ``[-removed-]{+added+}``, with ``context``
    characters of unchanged text around each and ``…`` for what is left out."""
    old, new = old.rstrip("\r\n"), new.rstrip("\r\n")
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    opcodes = matcher.get_opcodes()
    pieces: list[str] = []
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            same = "".join(a[i1:i2])
            first, last = number == 0, number == len(opcodes) - 1
            pieces.append(_trim(same, context, keep_start=not first, keep_end=not last))
            continue
        if i2 > i1:
            pieces.append(f"[-{''.join(a[i1:i2])}-]")
        if j2 > j1:
            pieces.append(f"{{+{''.join(b[j1:j2])}+}}")
    return "".join(pieces)


def _trim(text: str, context: int, *, keep_start: bool, keep_end: bool) -> str:
    """Unchanged text cut to ``context`` characters beside each change it touches."""
    kept = (context if keep_start else 0) + (context if keep_end else 0)
    if len(text) <= kept:
        return text
    start = text[:context] if keep_start else ""
    end = text[len(text) - context :] if keep_end else ""
    return f"{start}…{end}"
