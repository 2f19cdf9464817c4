"""Control characters made visible in human-facing output.

Article text reaches messages (a parameter value, a title, a path), and what a terminal or a
CI log does with a control character is up to it: ESC and OSC sequences recolour, retitle or
rewrite the terminal; a line break inside a value starts a new line that a GitHub Actions
runner reads as a workflow command (``::error file=...::``); bidirectional controls reorder
what is shown. Every such character is written as a visible escape instead (``\\n``,
``\\x1b``, ``\\u202e``), so one finding is always one line and shows what the source holds.

Escaped: C0 controls except tab, DEL, C1 controls (NEL included), the Unicode line and
paragraph separators, and the bidirectional formatting characters.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r"}
_CONTROLS = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written as a visible escape."""
    return _CONTROLS.sub(_escape, text)


def visible_lines(text: str) -> str:
    """Like :func:`visible`, but the ``\\n`` and ``\\r\\n`` that end lines stay (for a diff)."""
    lines = text.split("\n")
    kept = [visible(line[:-1]) + "\r" if line.endswith("\r") else visible(line) for line in lines]
    return "\n".join([*kept[:-1], visible(lines[-1])])
