"""Scribunto's ``mw.ustring`` pattern functions in Python, for benchmarks/cs1_agreement.py.

A Lua pattern is translated once into a ``regex`` expression (cached): Scribunto's Unicode
classes (``%a`` letters, ``%d`` decimal digits, ``%s`` whitespace ...), sets, ``%b`` balanced
pairs (a recursive group), ``%f`` frontiers (look-arounds), ``-`` (lazy ``*``), position
captures and back-references. Captures become named groups so that the groups the
translation adds do not shift Lua's capture numbers. Positions are 1-based code points, as
in ``mw.ustring``; ``gsub`` follows Lua 5.1 (an empty match right after a match is allowed).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

# Scribunto's ustring classes (its UstringLibrary.php: Unicode categories, PCRE's POSIX space
# \p{Xps}, full-width hex digits), as the inside of a set; upper case negates them.
_CLASSES = {
    "a": r"\p{L}",
    "c": r"\p{Cc}",
    "d": r"\p{Nd}",
    "l": r"\p{Ll}",
    "p": r"\p{P}",
    "s": r"\p{Z}\t\n\v\f\r",
    "u": r"\p{Lu}",
    "w": r"\p{L}\p{Nd}",
    "x": r"0-9A-Fa-f０-９Ａ-Ｆａ-ｆ",
    "z": r"\x00",
}
_NEGATED = {
    "a": r"\P{L}",
    "c": r"\P{Cc}",
    "d": r"\P{Nd}",
    "l": r"\P{Ll}",
    "p": r"\P{P}",
    "u": r"\P{Lu}",
}


class PatternError(ValueError):
    """A pattern this translation does not understand (the caller sees a Lua error)."""


@dataclass(frozen=True, slots=True)
class Pattern:
    compiled: regex.Pattern[str]
    anchored: bool
    captures: tuple[tuple[str, bool], ...]
    """Each Lua capture: its group name and whether it is a position capture ``()``."""

    def values(self, match: regex.Match[str]) -> tuple[Any, ...]:
        """What Lua returns for a match: the captures, or the whole match when there are none."""
        if not self.captures:
            return (match.group(0),)
        return tuple(
            match.start(name) + 1 if position else match.group(name)
            for name, position in self.captures
        )


def _escape(pattern: str, i: int, in_set: bool) -> str:
    """The ``%x`` at ``pattern[i]``: a class, or the character itself escaped."""
    if i + 1 >= len(pattern):
        raise PatternError("malformed pattern (ends with '%')")
    code = pattern[i + 1]
    if code.lower() not in _CLASSES:
        return str(regex.escape(code))
    if code.islower():
        return _CLASSES[code] if in_set else f"[{_CLASSES[code]}]"
    if code.lower() in _NEGATED:
        return _NEGATED[code.lower()]
    if in_set:  # a negated set inside a set: regex's default syntax has no such thing
        raise PatternError(f"%{code} inside a set is not translated")
    return f"[^{_CLASSES[code.lower()]}]"


def _single(pattern: str, i: int) -> tuple[str, int]:
    """One single-character class at ``pattern[i]`` as a regex, and the index after it."""
    char = pattern[i]
    if char == "%":
        return _escape(pattern, i, in_set=False), i + 2
    if char == ".":
        return r"(?s:.)", i + 1
    if char == "[":
        return _set(pattern, i)
    return regex.escape(char), i + 1


def _set(pattern: str, i: int) -> tuple[str, int]:
    """A ``[...]`` set starting at ``pattern[i]``."""
    i += 1
    parts = []
    negate = i < len(pattern) and pattern[i] == "^"
    if negate:
        i += 1
    first = True
    while True:
        if i >= len(pattern):
            raise PatternError("malformed pattern (missing ']')")
        char = pattern[i]
        if char == "]" and not first:
            i += 1
            break
        first = False
        if char == "%":
            parts.append(_escape(pattern, i, in_set=True))
            i += 2
        elif i + 2 < len(pattern) and pattern[i + 1] == "-" and pattern[i + 2] != "]":
            parts.append(f"{regex.escape(char)}-{regex.escape(pattern[i + 2])}")
            i += 3
        else:
            parts.append(regex.escape(char) if char not in "-" else r"\-")
            i += 1
    body = "".join(parts)
    return f"[{'^' if negate else ''}{body}]", i


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> Pattern:
    """Translate a Lua (ustring) pattern."""
    out: list[str] = []
    captures: list[tuple[str, bool]] = []
    open_captures: list[int] = []
    balanced = 0
    i = 0
    anchored = pattern.startswith("^")
    if anchored:
        i = 1
    while i < len(pattern):
        char = pattern[i]
        if char == "(":
            if pattern.startswith("()", i):
                name = f"c{len(captures) + 1}"
                captures.append((name, True))
                out.append(f"(?P<{name}>)")
                i += 2
                continue
            name = f"c{len(captures) + 1}"
            captures.append((name, False))
            open_captures.append(len(captures))
            out.append(f"(?P<{name}>")
            i += 1
            continue
        if char == ")":
            if not open_captures:
                raise PatternError("invalid pattern capture")
            open_captures.pop()
            out.append(")")
            i += 1
            continue
        if char == "$" and i == len(pattern) - 1:
            out.append(r"\Z")
            i += 1
            continue
        if char == "%" and i + 1 < len(pattern) and pattern[i + 1] == "b":
            if i + 3 >= len(pattern):
                raise PatternError("missing arguments to '%b'")
            open_, close = regex.escape(pattern[i + 2]), regex.escape(pattern[i + 3])
            balanced += 1
            name = f"b{balanced}"
            out.append(f"(?P<{name}>{open_}(?:[^{open_}{close}]|(?&{name}))*{close})")
            i += 4
            continue
        if char == "%" and i + 1 < len(pattern) and pattern[i + 1] == "f":
            if i + 2 >= len(pattern) or pattern[i + 2] != "[":
                raise PatternError("missing '[' after '%f' in pattern")
            body, i = _set(pattern, i + 2)
            out.append(f"(?<!{body})(?={body})")
            continue
        if char == "%" and i + 1 < len(pattern) and pattern[i + 1].isdigit():
            index = int(pattern[i + 1])
            if index == 0 or index > len(captures):
                raise PatternError("invalid capture index")
            out.append(f"(?P={captures[index - 1][0]})")
            i += 2
            continue
        single, i = _single(pattern, i)
        if i < len(pattern) and pattern[i] in "*+?-":
            quantifier = {"*": "*", "+": "+", "?": "?", "-": "*?"}[pattern[i]]
            single = f"(?:{single}){quantifier}"
            i += 1
        out.append(single)
    if open_captures:
        raise PatternError("unfinished capture")
    return Pattern(regex.compile("".join(out)), anchored, tuple(captures))


def _start(text: str, init: int | None) -> int | None:
    """Lua's ``init`` (1-based, negative from the end) as a 0-based offset, or None past the end."""
    if init is None:
        return 0
    init = int(init)
    if init < 0:
        init = max(len(text) + init + 1, 1)
    elif init == 0:
        init = 1
    if init > len(text) + 1:
        return None
    return init - 1


def _search(pattern: Pattern, text: str, pos: int) -> regex.Match[str] | None:
    if pattern.anchored:
        return pattern.compiled.match(text, pos)
    return pattern.compiled.search(text, pos)


def find(text: str, pattern: str, init: int | None = None, plain: bool = False) -> Any:
    pos = _start(text, init)
    if pos is None:
        return None
    if plain:
        at = text.find(pattern, pos)
        return None if at < 0 else (at + 1, at + len(pattern))
    compiled = compile_pattern(pattern)
    match = _search(compiled, text, pos)
    if match is None:
        return None
    extra = compiled.values(match) if compiled.captures else ()
    return (match.start() + 1, match.end(), *extra)


def match(text: str, pattern: str, init: int | None = None) -> Any:
    pos = _start(text, init)
    if pos is None:
        return None
    compiled = compile_pattern(pattern)
    found = _search(compiled, text, pos)
    if found is None:
        return None
    values = compiled.values(found)
    return values if len(values) > 1 else values[0]


def gmatch(text: str, pattern: str) -> list[tuple[Any, ...]]:
    """Every match's values, in order (Lua 5.1's gmatch: no anchor)."""
    compiled = compile_pattern(pattern)
    out = []
    pos = 0
    while pos <= len(text):
        found = compiled.compiled.search(text, pos)
        if found is None:
            break
        out.append(compiled.values(found))
        pos = found.end() if found.end() > found.start() else found.start() + 1
    return out


def gsub(
    text: str,
    pattern: str,
    replacement: str | Callable[[tuple[Any, ...]], Any],
    limit: int | None,
) -> tuple[str, int]:
    """Lua 5.1's gsub. ``replacement`` is a replacement string, or a function of the match's
    values standing for a Lua table (looked up with the first) or function (called with all)."""
    compiled = compile_pattern(pattern)
    out: list[str] = []
    count = 0
    pos = 0
    maximum = len(text) + 1 if limit is None else int(limit)
    while count < maximum:
        found = _search(compiled, text, pos)
        if found is None:
            break
        out.append(text[pos : found.start()])
        count += 1
        values = compiled.values(found)
        if isinstance(replacement, str):
            value: Any = _expand(replacement, found, values)
        else:
            value = replacement(values)
        if value is None or value is False:
            out.append(found.group(0))
        elif isinstance(value, str | int | float):
            out.append(str(value) if not isinstance(value, float) else _number(value))
        else:
            raise PatternError("invalid replacement value (a table)")
        if found.end() > found.start():
            pos = found.end()
        elif found.start() < len(text):
            out.append(text[found.start()])
            pos = found.start() + 1
        else:
            pos = len(text) + 1
        if compiled.anchored or pos > len(text):
            break
    out.append(text[pos:])
    return "".join(out), count


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _expand(template: str, found: regex.Match[str], values: tuple[Any, ...]) -> str:
    out = []
    i = 0
    while i < len(template):
        char = template[i]
        if char == "%" and i + 1 < len(template):
            code = template[i + 1]
            if code == "0":
                out.append(found.group(0))
            elif code.isdigit():
                index = int(code)
                if index > len(values):
                    raise PatternError("invalid capture index in replacement string")
                value = values[index - 1]
                out.append(str(value))
            else:
                out.append(code)
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def sub(text: str, start: int = 1, end: int = -1) -> str:
    length = len(text)
    start, end = int(start), int(end)
    if start < 0:
        start = max(length + start + 1, 1)
    elif start == 0:
        start = 1
    if end < 0:
        end = length + end + 1
    elif end > length:
        end = length
    return text[start - 1 : end] if start <= end else ""


def codepoint(text: str, start: int = 1, end: int | None = None) -> tuple[int, ...]:
    end = start if end is None else end
    return tuple(ord(char) for char in sub(text, start, end))


def split(text: str, separator: str, plain: bool = False) -> list[str]:
    """mw.text.split: the pieces between matches of ``separator`` (a pattern unless plain)."""
    pieces = []
    pos = 0
    while True:
        if plain:
            at = text.find(separator, pos) if separator else -1
            found = None if at < 0 else (at, at + len(separator))
        else:
            match_ = compile_pattern(separator).compiled.search(text, pos)
            found = None if match_ is None else (match_.start(), match_.end())
            if found is not None and found[0] == found[1]:  # an empty separator splits chars
                if found[0] >= len(text):
                    found = None
                else:
                    found = (found[0] + 1, found[0] + 1) if found[0] == pos else found
        if found is None:
            pieces.append(text[pos:])
            return pieces
        pieces.append(text[pos : found[0]])
        pos = found[1]


def trim(text: str, charset: str | None = None) -> str:
    """mw.text.trim: ``charset`` is the inside of a Lua set (default: ASCII whitespace)."""
    body = "\t\r\n\f " if charset is None else charset
    inner, _ = _set(f"[{body}]", 0)
    return str(regex.sub(f"^{inner}+|{inner}+\\Z", "", text))
