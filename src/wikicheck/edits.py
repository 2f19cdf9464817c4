"""Applying fixes: a validated set of disjoint text edits, re-linted until stable.

Corruption is ruled out by construction. The edits chosen in one pass are checked as a set
(:func:`validate`): sorted by position, no two may touch the same character, an insertion may
not fall strictly inside a replaced range, and two insertions may not share a point (their
order would be arbitrary). Edits that only meet at a boundary are fine: the result is the same
whichever is applied first. The output is then built from the original in one left-to-right
pass, and checked against the original (:func:`_verify`): every stretch of text outside the
edits must appear unchanged, in order, between the replacements. A failed check raises
:class:`EditConflict` rather than return (and let the CLI write) a corrupted text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from .findings import Applicability, Edit, Finding, Fix

MAX_PASSES = 10


class EditConflict(ValueError):
    """Edits that cannot be applied together, or an application that did not keep the text."""


def applicable(finding: Finding, *, unsafe: bool) -> bool:
    if finding.fix is None:
        return False
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return finding.fix.applicability in allowed


def display_only(finding: Finding, why: str) -> Finding:
    """``finding`` with its fix shown but never applied, its title saying why."""
    if finding.fix is None or finding.fix.applicability is Applicability.DISPLAY_ONLY:
        return finding
    fix = finding.fix
    title = f"{fix.title} (not applied: {why})"
    return replace(finding, fix=Fix(title, fix.edits, Applicability.DISPLAY_ONLY))


def conflicts(first: Edit, second: Edit) -> bool:
    """Whether the two edits' results depend on the order they are applied in.

    Two replaced ranges conflict when they share a character; an insertion conflicts with a
    range it falls strictly inside, and with another insertion at the same point. Meeting at
    a boundary is no conflict (an insertion at a range's start goes before its replacement,
    one at its end after it).
    """
    (a, b), (c, d) = _bounds(first), _bounds(second)
    if a == b and c == d:
        return a == c
    if a == b:
        return c < a < d
    if c == d:
        return a < c < b
    return a < d and c < b


def validate(edits: Iterable[Edit], length: int) -> tuple[Edit, ...]:
    """The edits sorted by position, or :class:`EditConflict` if any is out of the text's
    bounds or any two conflict. Sorted, each needs checking only against its predecessor."""
    ordered = sorted(edits, key=_bounds)
    for index, edit in enumerate(ordered):
        start, end = _bounds(edit)
        if not 0 <= start <= end <= length:
            raise EditConflict(f"edit {start}-{end} is outside a text of length {length}")
        if index and conflicts(ordered[index - 1], edit):
            previous = _bounds(ordered[index - 1])
            raise EditConflict(f"edits {previous[0]}-{previous[1]} and {start}-{end} conflict")
    return tuple(ordered)


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply a set of edits at once; raise :class:`EditConflict` if they conflict."""
    ordered = validate(edits, len(text))
    pieces: list[str] = []
    cursor = 0
    for edit in ordered:
        pieces += (text[cursor : edit.span.start], edit.replacement)
        cursor = edit.span.end
    pieces.append(text[cursor:])
    result = "".join(pieces)
    _verify(text, ordered, result)
    return result


def _verify(original: str, ordered: Sequence[Edit], result: str) -> None:
    """Walk the original and the result side by side: outside the edits they must agree."""
    cursor = out = 0
    for edit in ordered:
        if edit.span.start < cursor:
            raise EditConflict(f"edit {edit.span.start}-{edit.span.end} overlaps an earlier one")
        for piece in (original[cursor : edit.span.start], edit.replacement):
            if not result.startswith(piece, out):
                raise EditConflict(f"applying the edits changed the text at offset {cursor}")
            out += len(piece)
        cursor = edit.span.end
    if result[out:] != original[cursor:]:
        raise EditConflict(f"applying the edits changed the text after offset {cursor}")


def choose_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes one pass applies: each conflicts with no fix chosen before it.

    A fix is all-or-nothing: if any of its edits conflicts with an edit already chosen, the
    whole fix waits for the next pass. A fix whose own edits conflict, or fall outside the
    text, is never chosen; nor is one that would change nothing.
    """
    chosen: list[Finding] = []
    taken: list[Edit] = []
    for finding in findings:
        if not applicable(finding, unsafe=unsafe):
            continue
        assert finding.fix is not None
        edits = changing_edits(text, finding)
        if not edits:
            continue  # the text already reads as the fix would make it
        try:
            validate(edits, len(text))
        except EditConflict:
            continue  # a rule bug: the fix contradicts itself or misses the text
        if any(conflicts(edit, other) for edit in edits for other in taken):
            continue
        chosen.append(finding)
        taken.extend(edits)
    return chosen


def changing_edits(text: str, finding: Finding) -> list[Edit]:
    """The edits of ``finding``'s fix that change ``text`` (a fix may restate some text)."""
    edits = finding.fix.edits if finding.fix else ()
    return [edit for edit in edits if text[edit.span.start : edit.span.end] != edit.replacement]


def apply_edits(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes :func:`choose_fixes` chooses; the new text and how many were applied."""
    chosen = choose_fixes(text, findings, unsafe=unsafe)
    if not chosen:
        return text, 0
    edits = [edit for finding in chosen for edit in changing_edits(text, finding)]
    return apply(text, edits), len(chosen)


def _bounds(edit: Edit) -> tuple[int, int]:
    return edit.span.start, edit.span.end


def fix_until_stable(
    text: str, lint: Callable[[str], list[Finding]], *, unsafe: bool = False
) -> tuple[str, int]:
    """Lint, apply, and lint again until no fix applies (at most ``MAX_PASSES`` passes)."""
    text, applied = fix_with_record(text, lint, unsafe=unsafe)
    return text, len(applied)


def fix_with_record(
    text: str, lint: Callable[[str], list[Finding]], *, unsafe: bool = False
) -> tuple[str, list[Finding]]:
    """Like :func:`fix_until_stable`, with the findings whose fixes were applied, in the order
    they were (each pass's positions are in the text that pass read)."""
    applied: list[Finding] = []
    for _ in range(MAX_PASSES):
        chosen = choose_fixes(text, lint(text), unsafe=unsafe)
        if not chosen:
            break
        edits = [edit for finding in chosen for edit in changing_edits(text, finding)]
        text = apply(text, edits)
        applied.extend(chosen)
    return text, applied
